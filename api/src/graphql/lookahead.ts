import { Kind, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The fields a query selects below the resolver's own field, by name (aliases and fragments
 * resolved, the same field selected twice merged): `{ items: { openGroups: { sessions: {} } } }`.
 * For reading ahead what a page will need; a field under @skip or @include counts as selected,
 * since reading a little more is harmless and reading too little only costs a second statement.
 */
export interface SelectedFields {
  [field: string]: SelectedFields;
}

export function selectedFields(info: GraphQLResolveInfo): SelectedFields {
  const tree: SelectedFields = Object.create(null);
  for (const node of info.fieldNodes) collect(node.selectionSet, info.fragments, tree);
  return tree;
}

/** Validation has refused unknown fields and fragment cycles before any resolver runs. */
function collect(selectionSet: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, into: SelectedFields): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) collect(selection.selectionSet, fragments, (into[selection.name.value] ??= Object.create(null)));
    else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet, fragments, into);
    else collect(fragments[selection.name.value]?.selectionSet, fragments, into);
  }
}
