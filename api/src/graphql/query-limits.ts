import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { ErrorCode } from '../common/errors.js';

/** GraphQL Armor's defaults, which ARCHITECTURE.md takes as the reference. */
export const QUERY_LIMITS = { maxDepth: 6, maxAliases: 15, maxCost: 5000, maxDirectives: 50, maxTokens: 1000 } as const;

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });

function isIntrospection(field: FieldNode): boolean {
  return field.name.value.startsWith('__');
}

interface Tally {
  /** The deepest level reached, counted from the selection set's own depth. */
  depth: number;
  cost: number;
  aliases: number;
  directives: number;
}

const EMPTY: Tally = { depth: 0, cost: 0, aliases: 0, directives: 0 };

/**
 * Depth, alias, directive and cost limits in one pass over each operation. Cost follows Armor:
 * objects 2, scalars 1, each level deeper multiplies by 1.5. Introspection fields are not counted
 * (introspection itself is off in production).
 *
 * Each fragment is measured once per document, at depth 0, and a spread at depth d reuses that:
 * its depth is d more and its cost 1.5^d times as much. Walking a fragment again at every spread
 * made a few hundred tokens of nested spreads cost seconds of CPU. A fragment that spreads itself
 * counts nothing here (the walk must end); GraphQL's NoFragmentCycles rule refuses the document.
 */
export function queryLimitsRule(limits = QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();
    const measured = new Map<string, Tally | 'measuring'>();

    const typeOf = (name: string | undefined) => {
      const type = name ? schema.getType(name) : undefined;
      return type ? getNamedType(type) : undefined;
    };

    const measureFragment = (name: string): Tally => {
      const known = measured.get(name);
      if (known === 'measuring') return EMPTY;
      if (known) return known;
      const fragment = fragments.get(name);
      if (!fragment) return EMPTY; // unknown fragments are GraphQL's own error
      measured.set(name, 'measuring');
      const tally = walk(fragment.selectionSet, typeOf(fragment.typeCondition.name.value), 0);
      measured.set(name, tally);
      return tally;
    };

    const walk = (selectionSet: SelectionSetNode, parentType: ReturnType<typeof getNamedType> | undefined, depth: number): Tally => {
      const tally: Tally = { depth, cost: 0, aliases: 0, directives: 0 };
      const add = (inner: Tally) => {
        tally.depth = Math.max(tally.depth, inner.depth);
        tally.cost += inner.cost;
        tally.aliases += inner.aliases;
        tally.directives += inner.directives;
      };
      for (const selection of selectionSet.selections) {
        tally.directives += selection.directives?.length ?? 0;
        if (selection.kind === Kind.FIELD) {
          if (isIntrospection(selection)) continue;
          if (selection.alias) tally.aliases += 1;
          const fieldDef = parentType && 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
          const fieldType = fieldDef ? getNamedType(fieldDef.type) : undefined;
          const composite = fieldType ? isCompositeType(fieldType) : !!selection.selectionSet;
          tally.cost += (composite ? 2 : 1) * Math.pow(1.5, depth);
          if (selection.selectionSet) add(walk(selection.selectionSet, fieldType, depth + 1));
          else tally.depth = Math.max(tally.depth, depth + 1);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const type = selection.typeCondition ? typeOf(selection.typeCondition.name.value) : parentType;
          add(walk(selection.selectionSet, type ?? parentType, depth));
        } else {
          const fragment = measureFragment(selection.name.value);
          add({ ...fragment, depth: fragment.depth + depth, cost: fragment.cost * Math.pow(1.5, depth) });
        }
      }
      return tally;
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        const { depth, cost, aliases, directives } = walk(operation.selectionSet, root ?? undefined, 0);
        if (depth > limits.maxDepth) context.reportError(tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`));
        if (aliases > limits.maxAliases) context.reportError(tooComplex(`${aliases} aliases exceed the limit of ${limits.maxAliases}`));
        if (directives > limits.maxDirectives) context.reportError(tooComplex(`${directives} directives exceed the limit of ${limits.maxDirectives}`));
        if (cost > limits.maxCost) context.reportError(tooComplex(`Query cost ${Math.round(cost)} exceeds the limit of ${limits.maxCost}`));
      },
    };
  };
}
