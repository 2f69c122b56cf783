import { describe, expect, it } from "vitest";
import { canWriteFromGrants } from "./grants";

const usage = "GRANT USAGE ON *.* TO `dashboard_ro`@`10.0.0.%` IDENTIFIED BY PASSWORD '*A4B6157319038724E3560894F7F932C8886EBFCF'";

describe("canWriteFromGrants (SHOW GRANTS as MariaDB and MySQL print it)", () => {
  it("reads SELECT on the database, globally or on single tables as read-only", () => {
    expect(canWriteFromGrants([usage, "GRANT SELECT ON `asterisk`.* TO `dashboard_ro`@`10.0.0.%`"], "asterisk")).toBe(false);
    expect(canWriteFromGrants([usage, "GRANT SELECT ON *.* TO `dashboard_ro`@`%`"], "asterisk")).toBe(false);
    expect(canWriteFromGrants([usage, "GRANT SELECT (`did_id`, `did_pattern`) ON `asterisk`.`vicidial_inbound_dids` TO `ro`@`%`"], "asterisk")).toBe(false);
    expect(canWriteFromGrants([usage, "GRANT SELECT, SHOW VIEW ON `asterisk`.* TO `ro`@`%`"], "asterisk")).toBe(false);
  });

  it("sees any other privilege on the database, globally or on one of its tables as able to write", () => {
    expect(canWriteFromGrants([usage, "GRANT SELECT, INSERT, UPDATE ON `asterisk`.* TO `cron`@`localhost`"], "asterisk")).toBe(true);
    expect(canWriteFromGrants(["GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION"], "asterisk")).toBe(true);
    expect(canWriteFromGrants([usage, "GRANT SELECT, UPDATE (`active`) ON `asterisk`.`phones` TO `ro`@`%`"], "asterisk")).toBe(true);
    expect(canWriteFromGrants([usage, "GRANT DELETE ON `aster\\_%`.* TO `ro`@`%`"], "aster_isk")).toBe(true);
    expect(canWriteFromGrants(["GRANT RELOAD, PROCESS ON *.* TO 'cron'@'%'"], "asterisk")).toBe(true);
  });

  it("ignores what the account may do in other databases, role grants and proxy rights", () => {
    expect(canWriteFromGrants([usage, "GRANT ALL PRIVILEGES ON `reports`.* TO `ro`@`%`", "GRANT SELECT ON `asterisk`.* TO `ro`@`%`"], "asterisk")).toBe(false);
    expect(canWriteFromGrants([usage, "GRANT DELETE ON `aster\\_%`.* TO `ro`@`%`"], "asterisk")).toBe(false);
    expect(canWriteFromGrants([usage, "GRANT `readers` TO `ro`@`%`", "GRANT PROXY ON ''@'%' TO 'ro'@'%'"], "asterisk")).toBe(false);
  });
});
