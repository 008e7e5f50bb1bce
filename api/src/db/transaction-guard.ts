import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';
import { declareAuditActor } from './audit-actor.js';

/** The transaction open in this async flow, if any: set by every `dataSource.transaction` of a guarded source. */
interface OpenTransaction {
  dataSource: DataSource;
  manager: EntityManager;
  open: boolean;
}

const current = new AsyncLocalStorage<OpenTransaction>();

/** A query went past the open transaction's EntityManager (a forgotten `em`). */
export class TransactionLeakError extends Error {
  constructor() {
    super(
      'A query used the root DataSource while a transaction of the same request was open. Inside a transaction every query must use its EntityManager (`em`): embedded PGlite runs one transaction at a time, so this query would wait for it forever',
    );
    this.name = 'TransactionLeakError';
  }
}

/** The EntityManager of the transaction open in this async flow on this data source, if any. */
export function openTransactionManager(dataSource: DataSource): EntityManager | null {
  const tx = current.getStore();
  return tx && tx.open && tx.dataSource === dataSource ? tx.manager : null;
}

type TransactionWork = (em: EntityManager) => Promise<unknown>;

/**
 * Makes a forgotten `em` fail at once instead of deadlocking: every transaction on this data source
 * records itself for its async flow, and a new connection asked for in that flow while it is open
 * (a repository or query of the root DataSource, or a nested transaction) meets `onLeak`.
 * Work started inside and still running after the commit no longer counts as inside.
 */
export function guardTransactions(dataSource: DataSource, onLeak: (error: TransactionLeakError) => void): DataSource {
  const transaction = dataSource.manager.transaction.bind(dataSource.manager) as (...args: unknown[]) => Promise<unknown>;
  const createQueryRunner = dataSource.createQueryRunner.bind(dataSource);
  // transaction(work) or transaction(isolationLevel, work); DataSource.transaction passes both slots.
  (dataSource.manager as { transaction: unknown }).transaction = (...args: unknown[]) => {
    const at = typeof args[0] === 'function' ? 0 : 1;
    const work = args[at] as TransactionWork;
    const tracked: TransactionWork = async (em) => {
      const tx: OpenTransaction = { dataSource, manager: em, open: true };
      try {
        return await current.run(tx, () => work(em));
      } finally {
        tx.open = false;
      }
    };
    return at === 0 ? transaction(tracked) : transaction(args[0], tracked);
  };
  dataSource.createQueryRunner = (mode) => {
    if (openTransactionManager(dataSource)) onLeak(new TransactionLeakError());
    const runner = createQueryRunner(mode);
    // Every transaction (dataSource.transaction, or an entity save's own) tells the audit triggers who acts.
    const startTransaction = runner.startTransaction.bind(runner);
    runner.startTransaction = async (isolationLevel) => {
      const outermost = !runner.isTransactionActive;
      await startTransaction(isolationLevel);
      if (outermost) await declareAuditActor(runner);
    };
    return runner;
  };
  return dataSource;
}
