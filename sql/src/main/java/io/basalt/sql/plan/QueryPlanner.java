package io.basalt.sql.plan;

import io.basalt.common.client.ColumnMetadata;
import io.basalt.common.client.ParameterMetadata;
import io.basalt.sql.catalog.Catalog;
import io.basalt.sql.fun.NumericAggregates;
import io.basalt.sql.fun.PostgresOperatorTable;
import io.basalt.sql.fun.PostgresSemantics;
import io.basalt.sql.fun.ScalarSubqueries;
import io.basalt.sql.rule.BasaltRules;
import io.basalt.sql.schema.BasaltSchema;
import io.basalt.sql.schema.system.SystemSchema;
import io.basalt.sql.type.BasaltConformance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableInterpretable;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.plan.Contexts;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexNode;
import io.basalt.sql.parse.BasaltSqlParser;
import io.basalt.sql.exec.OperatorProbe;
import io.basalt.sql.rel.ProbeRel;
import io.basalt.sql.rel.RedundantSorts;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.Bindable;
import org.apache.calcite.sql.SqlExplainFormat;
import org.apache.calcite.sql.SqlExplainLevel;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Plans a query or DML statement: validate against the catalog, convert to relational algebra,
 * optimise with Calcite's rules plus Basalt's ({@link BasaltRules}), and compile the physical plan
 * to Java with Calcite's enumerable code generator. Expensive (milliseconds), which is why
 * sessions go through the {@code PlanCache}. Stateless and thread-safe.
 *
 * <p>DML is planned against the assignment view of the tables (see {@code RelTypes}), queries
 * against the declared types.
 */
public final class QueryPlanner {
    private static final String SCHEMA = BasaltSchema.NAME;

    private final int partitionCount;

    public QueryPlanner(int partitionCount) {
        this.partitionCount = partitionCount;
    }

    public CompiledStatement compile(SqlNode statement, Catalog catalog) {
        return compile(statement, catalog, null);
    }

    /** A statement compiled for EXPLAIN ANALYZE, and the probes of its operators in the order EXPLAIN prints them. */
    public record Instrumented(CompiledStatement statement, List<OperatorProbe> probes) {
    }

    public Instrumented compileInstrumented(SqlNode statement, Catalog catalog) {
        List<OperatorProbe> probes = new ArrayList<>();
        return new Instrumented(compile(statement, catalog, probes), probes);
    }

    private CompiledStatement compile(SqlNode statement, Catalog catalog, List<OperatorProbe> probes) {
        boolean dml = statement.getKind().belongsTo(SqlKind.DML);
        if (dml) {
            IdentityChecks.check(statement, catalog);
        }
        JavaTypeFactory typeFactory = new BasaltTypeFactory();
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add(SCHEMA, new BasaltSchema(catalog, dml));
        root.add(SystemSchema.NAME, new SystemSchema(catalog));
        CalciteConnectionConfig config = connectionConfig();
        CalciteCatalogReader catalogReader = new CalciteCatalogReader(root, List.of(SCHEMA), typeFactory, config);
        BasaltValidator validator = new BasaltValidator(PostgresOperatorTable.INSTANCE, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(BasaltConformance.INSTANCE)
                        .withIdentifierExpansion(true)
                        .withDefaultNullCollation(config.defaultNullCollation()));
        SqlNode validated = validator.validate(statement);
        RelDataType parameterRowType = validator.getParameterRowType(validated);
        List<List<String>> origins = validator.getFieldOrigins(validated);

        VolcanoPlanner planner = new VolcanoPlanner(null, Contexts.of(config));
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        planner.addRelTraitDef(RelCollationTraitDef.INSTANCE);
        planner.setExecutor(PostgresSemantics.constantFolding());
        RelOptUtil.registerDefaultRules(planner, false, false);
        BasaltRules.all(partitionCount).forEach(planner::addRule);
        RelOptCluster cluster = RelOptCluster.create(planner, new BasaltRexBuilder(typeFactory));
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster,
                StandardConvertletTable.INSTANCE, SqlToRelConverter.config().withTrimUnusedFields(true).withExpand(false));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        SystemSchema.refuseChanges(relRoot.rel);
        relRoot = relRoot.withRel(CheckConstraints.apply(relRoot.rel,
                (table, condition) -> conditionOverTable(table, condition, validator, converter)));
        relRoot = relRoot.withRel(LargeValues.apply(relRoot.rel));
        relRoot = relRoot.withRel(NumericAggregates.apply(relRoot.rel));
        relRoot = relRoot.withRel(PadSpaceComparisons.apply(relRoot.rel));
        // Also checked arithmetic (BasaltConformance): overflow raises 22003 instead of wrapping around.
        relRoot = relRoot.withRel(PostgresSemantics.apply(relRoot.rel));
        relRoot = relRoot.withRel(SequenceCalls.apply(relRoot.rel));

        RelTraitSet desired = relRoot.rel.getTraitSet().replace(EnumerableConvention.INSTANCE)
                .replace(relRoot.collation).simplify();
        Program program = Programs.standard();
        RelNode physical = RedundantSorts.remove(program.run(planner, relRoot.rel, desired, List.of(), List.of()));
        String plan = RelOptUtil.dumpPlan("", physical, SqlExplainFormat.TEXT, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
        if (probes != null) {
            physical = ProbeRel.instrument(physical, probes);
        }

        Map<String, Object> stash = new HashMap<>();
        @SuppressWarnings("unchecked")
        Bindable<Object> bindable = EnumerableInterpretable.toBindable(stash, null,
                (EnumerableRel) ScalarSubqueries.checked(physical), EnumerableRel.Prefer.ARRAY);

        boolean query = !dml;
        int[] outputFields = relRoot.fields.stream().mapToInt(f -> f.getKey()).toArray();
        RelDataType validatedType = validator.getValidatedNodeType(validated);
        List<ColumnMetadata> columns = new ArrayList<>();
        SqlTypeName[] outputTypes = new SqlTypeName[outputFields.length];
        if (query) {
            List<RelDataTypeField> fields = validatedType.getFieldList();
            for (int i = 0; i < fields.size(); i++) {
                List<String> origin = origins == null ? null : origins.get(i);
                columns.add(ClientTypes.column(fields.get(i), origin));
                outputTypes[i] = fields.get(i).getType().getSqlTypeName();
            }
        } else {
            outputTypes = new SqlTypeName[] {SqlTypeName.BIGINT};
        }
        List<ParameterMetadata> parameters = new ArrayList<>();
        SqlTypeName[] parameterTypes = new SqlTypeName[parameterRowType.getFieldCount()];
        for (int i = 0; i < parameterTypes.length; i++) {
            RelDataType type = parameterRowType.getFieldList().get(i).getType();
            parameters.add(ClientTypes.parameter(type));
            parameterTypes[i] = type.getSqlTypeName();
        }
        return new CompiledStatement(query, bindable, stash, typeFactory, columns, outputTypes,
                query ? outputFields : new int[] {0}, parameters, parameterTypes, plan,
                query && SystemSchema.readsOnlySystemTables(physical));
    }

    /**
     * A CHECK condition as an expression over its table's columns: planned as
     * {@code SELECT condition FROM table} with the statement's own validator, so types agree.
     */
    private static RexNode conditionOverTable(String table, String condition, BasaltValidator validator,
                                              SqlToRelConverter converter) {
        SqlNode select = BasaltSqlParser.parse("SELECT " + condition + " FROM \"" + table.replace("\"", "\"\"") + "\"");
        RelNode rel = converter.convertQuery(validator.validate(select), false, true).rel;
        if (!(rel instanceof Project project) || !(project.getInput() instanceof TableScan)) {
            throw new IllegalStateException("unexpected plan for CHECK condition " + condition + ": " + rel.explain());
        }
        return project.getProjects().get(0);
    }

    private static CalciteConnectionConfig connectionConfig() {
        Properties properties = new Properties();
        // Identifiers are already folded to upper case by the parser; quoted ones keep their case.
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "true");
        // PostgreSQL sorts NULL as larger than every value.
        properties.setProperty(CalciteConnectionProperty.DEFAULT_NULL_COLLATION.camelName(), "HIGH");
        return new CalciteConnectionConfigImpl(properties);
    }
}
