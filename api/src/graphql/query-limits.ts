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
import { ErrorCode } from './errors.js';

/** GraphQL Armor's defaults, which ARCHITECTURE.md takes as the reference. */
export const QUERY_LIMITS = { maxDepth: 6, maxAliases: 15, maxCost: 5000, maxDirectives: 50, maxTokens: 1000 } as const;

const tooComplex = (message: string) => new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } });

function isIntrospection(field: FieldNode): boolean {
  return field.name.value.startsWith('__');
}

/**
 * Depth, alias, directive and cost limits in one pass over each operation. Cost follows Armor:
 * objects 2, scalars 1, each level deeper multiplies by 1.5. Introspection fields are not counted
 * (introspection itself is off in production).
 */
export function queryLimitsRule(limits = QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    }
    const schema = context.getSchema();
    let aliases = 0;
    let directives = 0;

    const walk = (
      selectionSet: SelectionSetNode,
      parentType: ReturnType<typeof getNamedType> | undefined,
      depth: number,
      seen: Set<string>,
    ): { depth: number; cost: number } => {
      let maxDepth = depth;
      let cost = 0;
      for (const selection of selectionSet.selections) {
        directives += selection.directives?.length ?? 0;
        if (selection.kind === Kind.FIELD) {
          if (isIntrospection(selection)) continue;
          if (selection.alias) aliases += 1;
          const fieldDef =
            parentType && 'getFields' in parentType ? parentType.getFields()[selection.name.value] : undefined;
          const fieldType = fieldDef ? getNamedType(fieldDef.type) : undefined;
          const composite = fieldType ? isCompositeType(fieldType) : !!selection.selectionSet;
          cost += (composite ? 2 : 1) * Math.pow(1.5, depth);
          if (selection.selectionSet) {
            const inner = walk(selection.selectionSet, fieldType, depth + 1, seen);
            maxDepth = Math.max(maxDepth, inner.depth);
            cost += inner.cost;
          } else {
            maxDepth = Math.max(maxDepth, depth + 1);
          }
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          const typeName = selection.typeCondition?.name.value;
          const type = typeName ? schema.getType(typeName) : parentType;
          const inner = walk(selection.selectionSet, type ? getNamedType(type) : parentType, depth, seen);
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        } else {
          const name = selection.name.value;
          const fragment = fragments.get(name);
          if (!fragment || seen.has(name)) continue; // unknown or cyclic fragments are GraphQL's own errors
          const type = schema.getType(fragment.typeCondition.name.value);
          const inner = walk(fragment.selectionSet, type ? getNamedType(type) : parentType, depth, new Set([...seen, name]));
          maxDepth = Math.max(maxDepth, inner.depth);
          cost += inner.cost;
        }
      }
      return { depth: maxDepth, cost };
    };

    return {
      OperationDefinition(operation) {
        const root =
          operation.operation === 'query'
            ? schema.getQueryType()
            : operation.operation === 'mutation'
              ? schema.getMutationType()
              : schema.getSubscriptionType();
        aliases = 0;
        directives = 0;
        const { depth, cost } = walk(operation.selectionSet, root ?? undefined, 0, new Set());
        if (depth > limits.maxDepth) context.reportError(tooComplex(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`));
        if (aliases > limits.maxAliases) context.reportError(tooComplex(`${aliases} aliases exceed the limit of ${limits.maxAliases}`));
        if (directives > limits.maxDirectives) context.reportError(tooComplex(`${directives} directives exceed the limit of ${limits.maxDirectives}`));
        if (cost > limits.maxCost) context.reportError(tooComplex(`Query cost ${Math.round(cost)} exceeds the limit of ${limits.maxCost}`));
      },
    };
  };
}
