import { DeleteButton, SaveButton, Toolbar, type RedirectionSideEffect } from 'react-admin';

/** For resources the API cannot delete: no delete button at all. */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);

/**
 * For a new record: Save can always be pressed, and an empty form then says under each field what
 * is missing (react-admin disables Save on an untouched form, which explains nothing).
 */
export const CreateToolbar = () => (
  <Toolbar>
    <SaveButton alwaysEnable />
  </Toolbar>
);

/** Save, and delete after a confirmation that waits for the server (so a refusal such as IN_USE shows at once). */
export const SaveDeleteToolbar = ({ deleteRedirect = 'list' }: { deleteRedirect?: RedirectionSideEffect }) => (
  <Toolbar sx={{ display: 'flex', justifyContent: 'space-between' }}>
    <SaveButton />
    <DeleteButton mutationMode="pessimistic" redirect={deleteRedirect} />
  </Toolbar>
);
