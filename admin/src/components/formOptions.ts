/**
 * An edit form first shows the list's copy of the record, then the full one when it arrives;
 * react-hook-form would reset what the user typed in between. Keep it.
 */
export const keepUserEdits = { keepDirtyValues: true } as const;
