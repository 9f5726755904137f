package io.basalt.sql.ddl;

import io.basalt.sql.fun.PostgresOperatorTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.validate.SqlNameMatchers;

/**
 * Whether an expression calls something whose value may differ from row to row within one
 * statement (PostgreSQL's VOLATILE): RAND, NEXT VALUE FOR. CURRENT_TIMESTAMP and friends are
 * fixed per statement (Calcite: deterministic, dynamic), so they are not. The parser leaves most
 * function names unresolved; they are looked up in the operator table the planner uses.
 */
final class VolatileCalls {
    private VolatileCalls() {
    }

    static boolean in(SqlNode expression) {
        boolean[] found = {false};
        expression.accept(new SqlBasicVisitor<Void>() {
            @Override
            public Void visit(SqlCall call) {
                found[0] |= isVolatile(call.getOperator());
                return super.visit(call);
            }
        });
        return found[0];
    }

    private static boolean isVolatile(SqlOperator operator) {
        if (operator.getKind() == SqlKind.NEXT_VALUE || operator.getKind() == SqlKind.CURRENT_VALUE) {
            return true;
        }
        if (!(operator instanceof SqlUnresolvedFunction unresolved)) {
            return !operator.isDeterministic();
        }
        List<SqlOperator> overloads = new ArrayList<>();
        PostgresOperatorTable.INSTANCE.lookupOperatorOverloads(unresolved.getNameAsId(),
                SqlFunctionCategory.USER_DEFINED_FUNCTION, operator.getSyntax(), overloads, SqlNameMatchers.liberal());
        return overloads.stream().anyMatch(o -> o instanceof SqlFunction && !o.isDeterministic());
    }
}
