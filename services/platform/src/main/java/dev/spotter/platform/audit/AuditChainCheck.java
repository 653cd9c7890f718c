package dev.spotter.platform.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

/**
 * The command that checks a service's audit log: every clinic's hash chain, link by link.
 * {@code java -cp '<service>/quarkus-app/lib/main/*' dev.spotter.platform.audit.AuditChainCheck <jdbc-url> [user] [password]}
 * (deploy/local/audit-verify.sh runs it). Exit status 0 when every chain holds, 1 when one is broken, 2 on bad usage.
 */
public final class AuditChainCheck {

    private AuditChainCheck() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: AuditChainCheck <jdbc-url> [user] [password]");
            System.exit(2);
        }
        try (Connection connection = DriverManager.getConnection(args[0], args.length > 1 ? args[1] : null,
                args.length > 2 ? args[2] : null)) {
            List<AuditChain.Verification> chains = AuditChain.verify(connection);
            boolean intact = true;
            for (AuditChain.Verification chain : chains) {
                intact &= chain.intact();
                System.out.println(chain.intact()
                        ? String.format("%-20s %8d entries  intact", chain.clinicId(), chain.entries())
                        : String.format("%-20s %8d entries  BROKEN at seq %d: %s", chain.clinicId(), chain.entries(),
                                chain.brokenAt(), chain.problem()));
            }
            System.out.println(chains.isEmpty() ? "no audit entries" : intact ? "every chain intact" : "a chain is broken");
            System.exit(intact ? 0 : 1);
        }
    }
}
