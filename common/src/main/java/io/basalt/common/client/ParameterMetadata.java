package io.basalt.common.client;

/**
 * A statement parameter ({@code ?}) as JDBC's {@code ParameterMetaData} describes it: the type the
 * engine inferred from where the parameter stands.
 *
 * @param jdbcType a {@link java.sql.Types} constant
 * @param typeName the SQL type name
 * @param precision the declared length or precision, 0 when not applicable
 * @param scale the declared scale, 0 when not applicable
 */
public record ParameterMetadata(int jdbcType, String typeName, int precision, int scale) {
}
