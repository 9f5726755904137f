package io.basalt.sql;

import io.basalt.sql.catalog.CatalogManager;
import io.basalt.sql.catalog.UserCatalog;
import io.basalt.sql.sequence.SequenceAllocator;
import io.basalt.sql.ddl.DdlExecutor;
import io.basalt.sql.plan.PlanCache;
import io.basalt.sql.plan.QueryPlanner;
import io.basalt.sql.session.SqlSession;
import io.basalt.sql.type.CalciteDefaults;
import io.basalt.txn.TransactionManager;

/**
 * The SQL engine of one database: its catalog, its shared plan cache, its sequences and the
 * transaction manager everything runs on. Thread-safe; sessions are not (one per client connection).
 */
public final class SqlEngine {
    static {
        // Before any Calcite class initialises (see CalciteDefaults).
        CalciteDefaults.useUtf8();
    }

    private final TransactionManager transactions;
    private final int partitionCount;
    private final CatalogManager catalog;
    private final QueryPlanner planner;
    private final PlanCache plans;
    private final DdlExecutor ddl;
    private final SequenceAllocator sequences;
    private final UserCatalog users;

    public SqlEngine(TransactionManager transactions) {
        this.transactions = transactions;
        this.partitionCount = transactions.router().partitionCount();
        this.catalog = new CatalogManager(transactions);
        this.planner = new QueryPlanner(partitionCount);
        this.plans = new PlanCache(planner);
        this.sequences = new SequenceAllocator(transactions);
        this.ddl = new DdlExecutor(catalog, planner, partitionCount, sequences);
        this.users = new UserCatalog(transactions);
    }

    public SqlSession openSession() {
        return new SqlSession(this);
    }

    public TransactionManager transactions() {
        return transactions;
    }

    public CatalogManager catalog() {
        return catalog;
    }

    public QueryPlanner planner() {
        return planner;
    }

    public PlanCache plans() {
        return plans;
    }

    public DdlExecutor ddl() {
        return ddl;
    }

    public SequenceAllocator sequences() {
        return sequences;
    }

    /** The users that may log in over the wire protocol, with their SCRAM verifiers. */
    public UserCatalog users() {
        return users;
    }

    public int partitionCount() {
        return partitionCount;
    }
}
