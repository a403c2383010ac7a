package se.hjalpmedelsnav.hub.supplier.filedrop;

import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.dao.DuplicateKeyException;

/**
 * The status files read, in the database (table of Flyway V2), shared by every hub reading the inbox. The file
 * consumer claims a file here as it lists it ({@code idempotentEager}), before it reads it: the primary key lets one
 * hub claim it, and the others leave it. Camel's repository checks and then inserts; when another hub inserts between
 * the two, the insert's duplicate key means the file is claimed already, not that the poll failed (a failed poll would
 * drop the files this hub had claimed in it, and no hub would read them).
 */
public class ClaimedStatusFiles extends JdbcMessageIdRepository {

    /** The files' processor name in that table. */
    static final String PROCESSOR_NAME = "supplier-filedrop-status";

    public ClaimedStatusFiles(DataSource dataSource) {
        super(dataSource, PROCESSOR_NAME);
        setCreateTableIfNotExists(false);
    }

    @Override
    public boolean add(String key) {
        try {
            return super.add(key);
        } catch (DuplicateKeyException claimedByAnotherHub) {
            return false;
        }
    }
}
