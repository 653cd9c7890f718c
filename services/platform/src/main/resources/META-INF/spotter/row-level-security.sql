-- Row-level security for every table with a clinic_id column (see RowLevelSecurity and TenantConnections).
-- Idempotent: it runs at every start, after the migrations, in one transaction.
SELECT pg_advisory_xact_lock(hashtext('spotter.row-level-security'));

-- The role a request's connection acts as. Roles belong to the whole PostgreSQL cluster: another service's database
-- may have made it a moment ago, or ops made it beforehand when this service's user may not create roles.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotter_tenant') THEN
        BEGIN
            CREATE ROLE spotter_tenant NOLOGIN;
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
    IF NOT pg_has_role(current_user, 'spotter_tenant', 'MEMBER') THEN
        BEGIN
            EXECUTE format('GRANT spotter_tenant TO %I', current_user);
        EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
        END;
    END IF;
END $$;

DO $$
DECLARE
    clinic_table regclass;
BEGIN
    IF NOT has_schema_privilege('spotter_tenant', current_schema(), 'USAGE') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO spotter_tenant', current_schema());
    END IF;
    EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO spotter_tenant', current_schema());
    FOR clinic_table IN
        SELECT c.oid::regclass FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'clinic_id' AND NOT a.attisdropped
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    LOOP
        IF clinic_table::text = 'audit_entry' THEN
            -- the audit log is append-only, for a request as for anyone
            EXECUTE format('GRANT SELECT, INSERT ON %s TO spotter_tenant', clinic_table);
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %s TO spotter_tenant', clinic_table);
        END IF;
        IF NOT (SELECT relrowsecurity FROM pg_class WHERE oid = clinic_table) THEN
            EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', clinic_table);
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_policy WHERE polrelid = clinic_table AND polname = 'clinic_isolation') THEN
            EXECUTE format('CREATE POLICY clinic_isolation ON %s USING (clinic_id = current_setting(''spotter.clinic'', true))',
                clinic_table);
        END IF;
    END LOOP;
END $$;
