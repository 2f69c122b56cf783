-- VICIdial's tables as the dashboard reads them, for tests and benchmarks on a real MariaDB.
-- Our own DDL, written from ../shared/vicidial-db.md (VICIdial SVN 3884's types): every
-- table and column the doc names, the secret columns included, so that tests can prove the
-- reader never names them. Columns the doc does not list are left out.
--
-- Engine: MyISAM, as VICIdial's own tables are. No transactions and no consistent snapshot
-- across tables, so a test cannot pass here on behaviour a real cluster would not give us; it
-- is also the faster engine to create 25 tables in and to bulk-load for the benchmark.
-- Character set: utf8mb3 with VICIdial's case-insensitive default collation (utf8_general_ci),
-- so `GS102` finds `gs102` and `7275550100` finds itself however it is typed; the dashboard
-- connects with utf8mb4 as it would to a real server.
-- Statements are separated by a semicolon at the end of a line (lib/cluster/testing/mariadb.ts).

CREATE TABLE vicidial_inbound_dids (
  did_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  did_pattern VARCHAR(50) NOT NULL,
  did_description VARCHAR(50),
  did_active ENUM('Y','N') DEFAULT 'Y',
  did_route ENUM('EXTEN','VOICEMAIL','AGENT','PHONE','IN_GROUP','CALLMENU','VMAIL_NO_INST') DEFAULT 'EXTEN',
  extension VARCHAR(50) DEFAULT '9998811112',
  exten_context VARCHAR(50) DEFAULT 'default',
  voicemail_ext VARCHAR(10),
  phone VARCHAR(100),
  server_ip VARCHAR(15),
  user VARCHAR(20),
  user_unavailable_action ENUM('IN_GROUP','EXTEN','VOICEMAIL','PHONE','VMAIL_NO_INST') DEFAULT 'VOICEMAIL',
  user_route_settings_ingroup VARCHAR(20) DEFAULT 'AGENTDIRECT',
  group_id VARCHAR(20),
  call_handle_method VARCHAR(40) DEFAULT 'CID',
  agent_search_method ENUM('LO','LB','SO') DEFAULT 'LB',
  list_id BIGINT(14) UNSIGNED DEFAULT '999',
  campaign_id VARCHAR(8),
  phone_code VARCHAR(10) DEFAULT '1',
  menu_id VARCHAR(50) DEFAULT '',
  record_call ENUM('Y','N','Y_QUEUESTOP') DEFAULT 'N',
  -- The filter_* settings (the API cannot change them; the dashboard shows them read-only).
  filter_inbound_number ENUM('DISABLED','GROUP','URL','DNC_INTERNAL','DNC_CAMPAIGN','GROUP_AREACODE') DEFAULT 'DISABLED',
  filter_phone_group_id VARCHAR(20) DEFAULT '',
  filter_url VARCHAR(1000) DEFAULT '',
  filter_action ENUM('EXTEN','VOICEMAIL','AGENT','PHONE','IN_GROUP','CALLMENU','VMAIL_NO_INST') DEFAULT 'EXTEN',
  filter_extension VARCHAR(50) DEFAULT '9998811112',
  filter_exten_context VARCHAR(50) DEFAULT 'default',
  filter_voicemail_ext VARCHAR(10),
  filter_phone VARCHAR(100),
  filter_server_ip VARCHAR(15),
  filter_user VARCHAR(20),
  filter_user_unavailable_action ENUM('IN_GROUP','EXTEN','VOICEMAIL','PHONE','VMAIL_NO_INST') DEFAULT 'VOICEMAIL',
  filter_user_route_settings_ingroup VARCHAR(20) DEFAULT 'AGENTDIRECT',
  filter_group_id VARCHAR(20),
  filter_call_handle_method VARCHAR(40) DEFAULT 'CID',
  filter_agent_search_method ENUM('LO','LB','SO') DEFAULT 'LB',
  filter_list_id BIGINT(14) UNSIGNED DEFAULT '999',
  filter_campaign_id VARCHAR(8),
  filter_phone_code VARCHAR(10) DEFAULT '1',
  filter_menu_id VARCHAR(50) DEFAULT '',
  filter_clean_cid_number VARCHAR(20) DEFAULT '',
  filter_dnc_campaign VARCHAR(8) DEFAULT '',
  filter_url_did_redirect ENUM('Y','N') DEFAULT 'N',
  filter_entry_list_id BIGINT(14) UNSIGNED DEFAULT '0',
  custom_one VARCHAR(100) DEFAULT '',
  custom_two VARCHAR(100) DEFAULT '',
  custom_three VARCHAR(100) DEFAULT '',
  custom_four VARCHAR(100) DEFAULT '',
  custom_five VARCHAR(100) DEFAULT '',
  no_agent_ingroup_redirect ENUM('DISABLED','Y','NO_PAUSED','READY_ONLY') DEFAULT 'DISABLED',
  no_agent_ingroup_id VARCHAR(20) DEFAULT '',
  no_agent_ingroup_extension VARCHAR(50) DEFAULT '9998811112',
  max_queue_ingroup_calls SMALLINT(5) DEFAULT '0',
  max_queue_ingroup_id VARCHAR(20) DEFAULT '',
  max_queue_ingroup_extension VARCHAR(50) DEFAULT '9998811112',
  did_carrier_description VARCHAR(255) DEFAULT '',
  inbound_route_answer ENUM('Y','N') DEFAULT 'Y',
  user_group VARCHAR(20) DEFAULT '---ALL---',
  UNIQUE KEY did_pattern (did_pattern),
  KEY group_id (group_id)
) ENGINE=MyISAM;

CREATE TABLE phones (
  extension VARCHAR(100),
  dialplan_number VARCHAR(20),
  voicemail_id VARCHAR(10),
  server_ip VARCHAR(15),
  login VARCHAR(15),
  pass VARCHAR(100),
  status VARCHAR(10),
  active ENUM('Y','N'),
  phone_type VARCHAR(50),
  fullname VARCHAR(50),
  protocol ENUM('SIP','PJSIP','Zap','IAX2','EXTERNAL') DEFAULT 'SIP',
  local_gmt VARCHAR(6) DEFAULT '-5.00',
  ASTmgrUSERNAME VARCHAR(20) DEFAULT 'cron',
  ASTmgrSECRET VARCHAR(20) DEFAULT '1234',
  login_pass VARCHAR(20) DEFAULT '',
  DBX_pass VARCHAR(15),
  DBY_pass VARCHAR(15),
  outbound_cid VARCHAR(20),
  email VARCHAR(100),
  template_id VARCHAR(15) NOT NULL DEFAULT '',
  conf_secret VARCHAR(20) DEFAULT 'test',
  phone_context VARCHAR(20) DEFAULT 'default',
  is_webphone ENUM('Y','N','Y_API_LAUNCH') DEFAULT 'N',
  user_group VARCHAR(20) DEFAULT '---ALL---',
  peer_status ENUM('UNKNOWN','REGISTERED','UNREGISTERED','REACHABLE','LAGGED','UNREACHABLE') DEFAULT 'UNKNOWN',
  ping_time SMALLINT(6),
  UNIQUE KEY extenserver (extension, server_ip),
  KEY server_ip (server_ip),
  KEY login (login)
) ENGINE=MyISAM;

CREATE TABLE phones_alias (
  alias_id VARCHAR(20) NOT NULL,
  alias_name VARCHAR(50),
  logins_list VARCHAR(255),
  user_group VARCHAR(20) DEFAULT '---ALL---',
  PRIMARY KEY (alias_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_cid_groups (
  cid_group_id VARCHAR(20) NOT NULL,
  cid_group_notes VARCHAR(255) DEFAULT '',
  cid_group_type ENUM('AREACODE','STATE','NONE') DEFAULT 'AREACODE',
  user_group VARCHAR(20) DEFAULT '---ALL---',
  PRIMARY KEY (cid_group_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_campaign_cid_areacodes (
  campaign_id VARCHAR(20) NOT NULL,
  areacode VARCHAR(5) NOT NULL,
  outbound_cid VARCHAR(20),
  active ENUM('Y','N','') DEFAULT '',
  cid_description VARCHAR(50),
  call_count_today MEDIUMINT(7) DEFAULT '0',
  UNIQUE KEY campareacode (campaign_id, areacode, outbound_cid)
) ENGINE=MyISAM;

-- Reference data (pickers and names).

CREATE TABLE vicidial_inbound_groups (
  group_id VARCHAR(20) NOT NULL,
  group_name VARCHAR(30),
  active ENUM('Y','N'),
  user_group VARCHAR(20) DEFAULT '---ALL---',
  PRIMARY KEY (group_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_call_menu (
  menu_id VARCHAR(50) NOT NULL,
  menu_name VARCHAR(100),
  user_group VARCHAR(20) DEFAULT '---ALL---',
  PRIMARY KEY (menu_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_campaigns (
  campaign_id VARCHAR(8) NOT NULL,
  campaign_name VARCHAR(40),
  active ENUM('Y','N'),
  user_group VARCHAR(20) DEFAULT '---ALL---',
  PRIMARY KEY (campaign_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_lists (
  list_id BIGINT(14) UNSIGNED NOT NULL,
  list_name VARCHAR(30),
  campaign_id VARCHAR(8),
  active ENUM('Y','N'),
  PRIMARY KEY (list_id)
) ENGINE=MyISAM;

CREATE TABLE servers (
  server_id VARCHAR(10) NOT NULL,
  server_description VARCHAR(255),
  server_ip VARCHAR(15) NOT NULL,
  active ENUM('Y','N'),
  local_gmt VARCHAR(5) DEFAULT '-5.00',
  ASTmgrUSERNAME VARCHAR(20) NOT NULL DEFAULT 'cron',
  ASTmgrSECRET VARCHAR(20) NOT NULL DEFAULT '1234',
  PRIMARY KEY (server_id),
  KEY server_ip (server_ip)
) ENGINE=MyISAM;

CREATE TABLE vicidial_conf_templates (
  template_id VARCHAR(15) NOT NULL,
  template_name VARCHAR(50) NOT NULL,
  template_contents TEXT,
  PRIMARY KEY (template_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_users (
  user_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  user VARCHAR(20) NOT NULL,
  pass VARCHAR(100) NOT NULL,
  full_name VARCHAR(50),
  user_level TINYINT(3) UNSIGNED DEFAULT '1',
  user_group VARCHAR(20),
  active ENUM('Y','N') DEFAULT 'Y',
  api_allowed_functions VARCHAR(1000) DEFAULT ' ALL_FUNCTIONS ',
  modify_inbound_dids ENUM('1','0') DEFAULT '0',
  delete_inbound_dids ENUM('1','0') DEFAULT '0',
  ast_admin_access ENUM('1','0') DEFAULT '0',
  ast_delete_phones ENUM('1','0') DEFAULT '0',
  modify_campaigns ENUM('1','0') DEFAULT '0',
  view_reports ENUM('1','0') DEFAULT '0',
  vdc_agent_api_access ENUM('0','1') DEFAULT '0',
  pass_hash VARCHAR(500) DEFAULT '',
  UNIQUE KEY user (user)
) ENGINE=MyISAM;

-- Calls (for QA).

CREATE TABLE vicidial_log_extended (
  uniqueid VARCHAR(50) PRIMARY KEY NOT NULL,
  server_ip VARCHAR(15),
  call_date DATETIME,
  lead_id INT(9) UNSIGNED,
  caller_code VARCHAR(30) NOT NULL,
  KEY call_date (call_date),
  KEY lead_id (lead_id),
  KEY caller_code (caller_code)
) ENGINE=MyISAM;

CREATE TABLE vicidial_log (
  uniqueid VARCHAR(20) PRIMARY KEY NOT NULL,
  lead_id INT(9) UNSIGNED NOT NULL,
  list_id BIGINT(14) UNSIGNED,
  campaign_id VARCHAR(8),
  call_date DATETIME,
  start_epoch INT(10) UNSIGNED,
  end_epoch INT(10) UNSIGNED,
  length_in_sec INT(10),
  status VARCHAR(6),
  phone_code VARCHAR(10),
  phone_number VARCHAR(18),
  user VARCHAR(20),
  user_group VARCHAR(20),
  term_reason ENUM('CALLER','AGENT','QUEUETIMEOUT','ABANDON','AFTERHOURS','NONE','SYSTEM') DEFAULT 'NONE',
  called_count SMALLINT(5) UNSIGNED DEFAULT '0',
  KEY lead_id (lead_id),
  KEY call_date (call_date)
) ENGINE=MyISAM;

CREATE TABLE vicidial_closer_log (
  closecallid INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  lead_id INT(9) UNSIGNED NOT NULL,
  list_id BIGINT(14) UNSIGNED,
  campaign_id VARCHAR(20),
  call_date DATETIME,
  start_epoch INT(10) UNSIGNED,
  end_epoch INT(10) UNSIGNED,
  length_in_sec INT(10),
  status VARCHAR(6),
  phone_number VARCHAR(18),
  user VARCHAR(20),
  queue_seconds DECIMAL(7,2) DEFAULT '0',
  term_reason ENUM('CALLER','AGENT','QUEUETIMEOUT','ABANDON','AFTERHOURS','HOLDRECALLXFER','HOLDTIME','NOAGENT','NONE','MAXCALLS','ACFILTER','CLOSETIME') DEFAULT 'NONE',
  uniqueid VARCHAR(20) NOT NULL DEFAULT '',
  KEY lead_id (lead_id),
  KEY call_date (call_date),
  KEY campaign_id (campaign_id),
  KEY uniqueid (uniqueid),
  KEY phone_number (phone_number),
  KEY date_user (call_date, user)
) ENGINE=MyISAM;

CREATE TABLE vicidial_agent_log (
  agent_log_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  user VARCHAR(20),
  server_ip VARCHAR(15),
  event_time DATETIME,
  lead_id INT(9) UNSIGNED,
  campaign_id VARCHAR(8),
  pause_sec SMALLINT(5) UNSIGNED DEFAULT '0',
  wait_sec SMALLINT(5) UNSIGNED DEFAULT '0',
  talk_sec SMALLINT(5) UNSIGNED DEFAULT '0',
  dispo_sec SMALLINT(5) UNSIGNED DEFAULT '0',
  dead_sec SMALLINT(5) UNSIGNED DEFAULT '0',
  status VARCHAR(6),
  sub_status VARCHAR(6),
  user_group VARCHAR(20),
  uniqueid VARCHAR(20) DEFAULT '',
  KEY lead_id (lead_id),
  KEY user (user),
  KEY event_time (event_time)
) ENGINE=MyISAM;

CREATE TABLE vicidial_list (
  lead_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  status VARCHAR(6),
  vendor_lead_code VARCHAR(20),
  list_id BIGINT(14) UNSIGNED NOT NULL DEFAULT '0',
  phone_number VARCHAR(18) NOT NULL DEFAULT '',
  first_name VARCHAR(30),
  last_name VARCHAR(30),
  city VARCHAR(50),
  state VARCHAR(2),
  postal_code VARCHAR(10),
  comments VARCHAR(255),
  KEY phone_number (phone_number),
  KEY list_id (list_id),
  KEY status (status)
) ENGINE=MyISAM;

CREATE TABLE recording_log (
  recording_id INT(10) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  server_ip VARCHAR(15),
  start_time DATETIME,
  end_time DATETIME,
  length_in_sec MEDIUMINT(8) UNSIGNED,
  filename VARCHAR(100),
  location VARCHAR(255),
  lead_id INT(9) UNSIGNED,
  user VARCHAR(20),
  vicidial_id VARCHAR(20),
  KEY filename (filename),
  KEY lead_id (lead_id),
  KEY user (user),
  KEY vicidial_id (vicidial_id)
) ENGINE=MyISAM;

CREATE TABLE recording_log_archive (
  recording_id INT(10) UNSIGNED NOT NULL,
  server_ip VARCHAR(15),
  start_time DATETIME,
  end_time DATETIME,
  length_in_sec MEDIUMINT(8) UNSIGNED,
  filename VARCHAR(100),
  location VARCHAR(255),
  lead_id INT(9) UNSIGNED,
  user VARCHAR(20),
  vicidial_id VARCHAR(20),
  UNIQUE KEY recording_id (recording_id),
  KEY filename (filename),
  KEY lead_id (lead_id),
  KEY user (user),
  KEY vicidial_id (vicidial_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_statuses (
  status VARCHAR(6) PRIMARY KEY NOT NULL,
  status_name VARCHAR(30)
) ENGINE=MyISAM;

CREATE TABLE vicidial_campaign_statuses (
  status VARCHAR(6) NOT NULL,
  status_name VARCHAR(30),
  campaign_id VARCHAR(8),
  KEY campaign_id (campaign_id)
) ENGINE=MyISAM;

-- Who changed what, and when.

CREATE TABLE vicidial_admin_log (
  admin_log_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  event_date DATETIME NOT NULL,
  user VARCHAR(20) NOT NULL,
  ip_address VARCHAR(15) NOT NULL,
  event_section VARCHAR(30) NOT NULL,
  event_type ENUM('ADD','COPY','LOAD','RESET','MODIFY','DELETE','SEARCH','LOGIN','LOGOUT','CLEAR','OVERRIDE','EXPORT','OTHER') DEFAULT 'OTHER',
  record_id VARCHAR(50) NOT NULL,
  event_code VARCHAR(255) NOT NULL,
  event_sql TEXT,
  event_notes TEXT,
  KEY user (user),
  KEY event_section (event_section),
  KEY record_id (record_id)
) ENGINE=MyISAM;

CREATE TABLE vicidial_api_log (
  api_id INT(9) UNSIGNED AUTO_INCREMENT PRIMARY KEY NOT NULL,
  user VARCHAR(20) NOT NULL,
  agent_user VARCHAR(20),
  function VARCHAR(20) NOT NULL,
  value VARCHAR(255),
  result VARCHAR(10),
  result_reason VARCHAR(255),
  source VARCHAR(20),
  data TEXT,
  api_date DATETIME,
  KEY api_date (api_date),
  KEY user_date (user, api_date)
) ENGINE=MyISAM;
