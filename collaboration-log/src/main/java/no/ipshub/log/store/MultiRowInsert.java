package no.ipshub.log.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An {@code INSERT ... VALUES (..), (..), ...} of many rows per statement, the statements sent as one JDBC batch:
 * the database parses, plans and executes one statement per {@value #ROWS_PER_STATEMENT} rows instead of one per row
 * (what pgjdbc's {@code reWriteBatchedInserts} does, but for this store only and on H2 as on PostgreSQL).
 */
final class MultiRowInsert<T> {

    /** Rows per statement; at 29 columns this stays far below PostgreSQL's 32,767 parameters. */
    static final int ROWS_PER_STATEMENT = 128;

    /** Sets one row's parameters, the row's first one at {@code first}. */
    interface RowSetter<T> {
        void set(PreparedStatement ps, T row, int first) throws SQLException;
    }

    private final String head;
    private final String tail;
    private final String rowMarks;
    private final int columns;
    private final RowSetter<T> setter;

    /**
     * @param head    the statement up to {@code VALUES}, e.g. {@code INSERT INTO t (a, b)}
     * @param columns parameters per row
     * @param tail    what follows the rows, e.g. {@code ON CONFLICT DO NOTHING}
     */
    MultiRowInsert(String head, int columns, String tail, RowSetter<T> setter) {
        this.head = head;
        this.tail = tail;
        this.columns = columns;
        this.rowMarks = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        this.setter = setter;
    }

    /**
     * Inserts the rows, in their order, within the caller's transaction.
     *
     * @return the rows of every statement that inserted fewer rows than it carried (some were there already, or the
     *         driver did not say), so a caller that must overwrite them knows which
     */
    List<T> insert(JdbcTemplate jdbc, List<T> rows) {
        List<T> notAllInserted = new ArrayList<>();
        int full = rows.size() / ROWS_PER_STATEMENT * ROWS_PER_STATEMENT;
        if (full > 0) {
            List<List<T>> chunks = new ArrayList<>();
            for (int i = 0; i < full; i += ROWS_PER_STATEMENT) {
                chunks.add(rows.subList(i, i + ROWS_PER_STATEMENT));
            }
            int[] counts = jdbc.batchUpdate(sql(ROWS_PER_STATEMENT), chunks, chunks.size(), this::setAll)[0];
            for (int i = 0; i < chunks.size(); i++) {
                if (i >= counts.length || counts[i] != ROWS_PER_STATEMENT) {
                    notAllInserted.addAll(chunks.get(i));
                }
            }
        }
        if (full < rows.size()) {
            List<T> rest = rows.subList(full, rows.size());
            if (jdbc.update(sql(rest.size()), ps -> setAll(ps, rest)) != rest.size()) {
                notAllInserted.addAll(rest);
            }
        }
        return notAllInserted;
    }

    private void setAll(PreparedStatement ps, List<T> rows) throws SQLException {
        for (int r = 0; r < rows.size(); r++) {
            setter.set(ps, rows.get(r), r * columns + 1);
        }
    }

    private String sql(int rows) {
        return head + " VALUES " + String.join(", ", Collections.nCopies(rows, rowMarks)) + " " + tail;
    }
}
