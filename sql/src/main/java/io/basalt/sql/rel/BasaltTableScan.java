package io.basalt.sql.rel;

import io.basalt.sql.exec.IndexScanSpec;
import io.basalt.sql.exec.TableScanSpec;
import io.basalt.sql.schema.BasaltTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.metadata.RelMetadataQuery;

/**
 * Reads a Basalt table in the transaction of the running statement, as {@link KeyAccess} says:
 * a point get, a key-range scan or a scan of every partition, by primary key or through an index. It produces
 * whole rows (one {@code Object[]} each); filters stay above it in an {@code EnumerableFilter}, so
 * a key access only narrows what is read and never decides what qualifies.
 */
public final class BasaltTableScan extends TableScan implements EnumerableRel {
    private final KeyAccess access;
    private final int partitionCount;

    public BasaltTableScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, KeyAccess access,
                           int partitionCount) {
        super(cluster, withOrder(traits.replace(EnumerableConvention.INSTANCE), table, access), List.of(), table);
        this.access = access;
        this.partitionCount = partitionCount;
    }

    /** The traits with the collations the access delivers its rows in (see {@link ScanOrder}). */
    private static RelTraitSet withOrder(RelTraitSet traits, RelOptTable table, KeyAccess access) {
        if (traits.getTrait(RelCollationTraitDef.INSTANCE) == null) {
            return traits; // a planner without collations: nothing to declare
        }
        List<RelCollation> orders = ScanOrder.of(table.unwrapOrThrow(BasaltTable.class).descriptor(), access);
        return traits.replaceIfs(RelCollationTraitDef.INSTANCE,
                () -> orders.isEmpty() ? List.of(RelCollations.EMPTY) : orders);
    }

    public KeyAccess access() {
        return access;
    }

    public BasaltTable basaltTable() {
        return table.unwrapOrThrow(BasaltTable.class);
    }

    public int partitionCount() {
        return partitionCount;
    }

    public BasaltTableScan withAccess(KeyAccess newAccess) {
        return new BasaltTableScan(getCluster(), getTraitSet(), table, newAccess, partitionCount);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new BasaltTableScan(getCluster(), traitSet, table, access, partitionCount);
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("access", access.describe(keyColumnNames(), partitionCount));
    }

    private List<String> keyColumnNames() {
        List<String> names = new ArrayList<>();
        int[] keyColumns = access.index() != null ? access.index().columns() : basaltTable().descriptor().primaryKey();
        for (int position : keyColumns) {
            names.add(basaltTable().descriptor().columns().get(position).name());
        }
        return names;
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        double tableRows = super.estimateRowCount(mq);
        return switch (access.kind()) {
            case POINT -> 1;
            // Each bound key column narrows by a factor of ten: a guess that only needs to rank
            // plans (more bound columns = fewer rows), not to be right.
            case RANGE -> Math.max(1, tableRows / Math.pow(10, access.boundColumns()));
            case FULL -> tableRows;
        };
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        double rows = estimateRowCount(mq);
        // Every partition read costs a round trip even when it returns nothing.
        double partitionsRead = access.singlePartition() ? 1 : partitionCount;
        // Through an index, each row costs a second read (its entry, then the row by primary key),
        // so the primary key wins a tie and an index wins when it binds more columns.
        double readsPerRow = access.index() != null ? 2 : 1;
        double io = rows * readsPerRow + partitionsRead;
        return planner.getCostFactory().makeCost(rows, io, io);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        // optimize=false: even a one-column row stays an Object[], which is what TableScanSpec produces.
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.ARRAY, false);
        Expression stashed;
        if (access.index() != null) {
            IndexScanSpec spec = new IndexScanSpec(basaltTable().descriptor(), getRowType(), access, partitionCount);
            stashed = implementor.stash(spec, IndexScanSpec.class);
        } else {
            TableScanSpec spec = new TableScanSpec(basaltTable().descriptor(), getRowType(), access, partitionCount);
            stashed = implementor.stash(spec, TableScanSpec.class);
        }
        return implementor.result(physType,
                Blocks.toBlock(Expressions.call(stashed, "execute", implementor.getRootExpression())));
    }
}
