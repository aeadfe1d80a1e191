package sql

import "strings"

// kw identifies a keyword the extractor cares about; 0 is any other word.
type kw uint16

// The keywords. Words that only matter in one place (NOLOCK, READ, WRITE)
// are compared as text there instead.
const (
	kNone kw = iota
	// statements
	kSelect
	kInsert
	kUpdate
	kDelete
	kMerge
	kReplace
	kUpsert
	kWith
	kTruncate
	kExecute // EXEC, EXECUTE
	kCall
	kPerform
	kCreate
	kAlter
	kDrop
	kDeclare
	kSet
	kIf
	kWhile
	kReturn
	kPrint
	kRaiserror
	kThrow
	kOpen
	kFetch
	kClose
	kDeallocate
	kCommit
	kRollback
	kSave
	kGoto
	kBreak
	kContinue
	kGrant
	kRevoke
	kDeny
	kUse
	kWaitfor
	kBegin
	kEnd
	kExit
	kLeave
	kIterate
	kRepeat
	kPrepare
	kRaise
	kForall
	kLock
	kLoop
	kStart
	kValues
	// procedural
	kThen
	kElse
	kElsif
	kWhen
	kException
	kUntil
	kDo
	// query clauses
	kFrom
	kWhere
	kGroup
	kHaving
	kOrder
	kLimit
	kOffset
	kWindow
	kQualify
	kInto
	kFor
	kUnion
	kIntersect
	kExcept
	kMinus
	kConnect
	kOption
	kReturning
	kOutput
	// joins
	kJoin
	kInner
	kCross
	kNatural
	kFull
	kLeft
	kRight
	kOuter
	kStraightJoin
	kApply
	kLateral
	// others
	kOn
	kUsing
	kAs
	kIs
	kBy
	kAll
	kDistinct
	kTop
	kRecursive
	kNot
	kAnd
	kOr
	kIn
	kExists
	kCase
	kNull
	kTable
	kView
	kIndex
	kProcedure
	kFunction
	kTrigger
	kPackage
	kBody
	kType
	kTemp
	kGlobal
	kUnlogged
	kMaterialized
	kConstraint
	kForeign
	kPrimary
	kKey
	kReferences
	kCheck
	kUnique
	kEach
	kRow
	kBefore
	kAfter
	kInstead
	kOf
	kReferencing
	kFollows
	kPrecedes
	kCompound
	kAtomic
	kTry
	kCatch
	kTran
	kWork
	kDistributed
	kIsolation
	kImmediate
	kBulk
	kCursor
	kPragma
	kSubtype
	kReturns
	kLanguage
	kOnly
	kConflict
	kDuplicate
	kMatched
	kIgnore
	kForce
	kShare
	kPartition
	kTablesample
	kSample
	kPivot
	kUnpivot
	kColumn
	kAdd
	kDefault
	kCurrent
	kSchema
	kDatabase
	kNext
	kInterval
	kNoWait
	kEdition
	kDefiner
	kAlgorithm
	kSecurity
	kAuthid
	kLowPriority
	kQuick
	kDelayed
	kCharacter
	kFirst
	kLike
	kElseIf
)

// Keyword classes: what a keyword ends when it appears at the top level of
// an expression.
const (
	cStmt  uint16 = 1 << iota // may begin a statement
	cBlock                    // THEN, ELSE, WHEN, END, ...: part of procedural control flow
	cQuery                    // a clause of a query (FROM, WHERE, ...)
	cJoin                     // a join keyword
	cDo                       // DO (MySQL WHILE ... DO, Postgres ON CONFLICT DO)
	cValue                    // a keyword that is a value (NULL, CURRENT_DATE): an operand
)

type kwInfo struct {
	id  kw
	cls uint16
	// hint is the dialect the word suggests, for detection.
	hint Dialect
}

// keywords maps a lower-case word to what the extractor knows about it.
// It is read-only after initialisation.
var keywords = map[string]kwInfo{
	"select":     {kSelect, cStmt, ""},
	"insert":     {kInsert, cStmt, ""},
	"update":     {kUpdate, cStmt, ""},
	"delete":     {kDelete, cStmt, ""},
	"merge":      {kMerge, cStmt, ""},
	"replace":    {kReplace, cStmt, ""},
	"upsert":     {kUpsert, cStmt, ""},
	"with":       {kWith, cStmt, ""},
	"truncate":   {kTruncate, cStmt, ""},
	"exec":       {kExecute, cStmt, TSQL},
	"execute":    {kExecute, cStmt, ""},
	"call":       {kCall, cStmt, ""},
	"perform":    {kPerform, cStmt, Postgres},
	"create":     {kCreate, cStmt, ""},
	"alter":      {kAlter, cStmt, ""},
	"drop":       {kDrop, cStmt, ""},
	"declare":    {kDeclare, cStmt, ""},
	"set":        {kSet, cStmt, ""},
	"if":         {kIf, cStmt, ""},
	"while":      {kWhile, cStmt, ""},
	"return":     {kReturn, cStmt, ""},
	"print":      {kPrint, cStmt, TSQL},
	"raiserror":  {kRaiserror, cStmt, TSQL},
	"throw":      {kThrow, cStmt, ""},
	"open":       {kOpen, cStmt, ""},
	"fetch":      {kFetch, cStmt | cQuery, ""},
	"close":      {kClose, cStmt, ""},
	"deallocate": {kDeallocate, cStmt, ""},
	"commit":     {kCommit, cStmt, ""},
	"rollback":   {kRollback, cStmt, ""},
	"save":       {kSave, cStmt, ""},
	"goto":       {kGoto, cStmt, ""},
	"break":      {kBreak, cStmt, ""},
	"continue":   {kContinue, cStmt, ""},
	"grant":      {kGrant, cStmt, ""},
	"revoke":     {kRevoke, cStmt, ""},
	"deny":       {kDeny, cStmt, ""},
	"use":        {kUse, cStmt, ""},
	"waitfor":    {kWaitfor, cStmt, TSQL},
	"begin":      {kBegin, cStmt | cBlock, ""},
	"end":        {kEnd, cBlock, ""},
	"exit":       {kExit, cStmt, ""},
	"leave":      {kLeave, cStmt, ""},
	"iterate":    {kIterate, cStmt, ""},
	"repeat":     {kRepeat, cStmt, ""},
	"prepare":    {kPrepare, cStmt, ""},
	"raise":      {kRaise, cStmt, ""},
	"forall":     {kForall, cStmt, Oracle},
	"lock":       {kLock, cStmt | cQuery, ""},
	"loop":       {kLoop, cStmt | cBlock, ""},
	"start":      {kStart, cStmt | cQuery, ""},
	"values":     {kValues, 0, ""},

	"then":      {kThen, cBlock, ""},
	"else":      {kElse, cBlock, ""},
	"elsif":     {kElsif, cBlock, Oracle},
	"elseif":    {kElseIf, cBlock, MySQL},
	"when":      {kWhen, cBlock, ""},
	"exception": {kException, cBlock, ""},
	"until":     {kUntil, cBlock, ""},
	"do":        {kDo, cDo, ""},

	"from":      {kFrom, cQuery, ""},
	"where":     {kWhere, cQuery, ""},
	"group":     {kGroup, cQuery, ""},
	"having":    {kHaving, cQuery, ""},
	"order":     {kOrder, cQuery, ""},
	"limit":     {kLimit, cQuery, ""},
	"offset":    {kOffset, cQuery, ""},
	"window":    {kWindow, cQuery, ""},
	"qualify":   {kQualify, cQuery, ""},
	"into":      {kInto, cQuery, ""},
	"for":       {kFor, cQuery, ""},
	"union":     {kUnion, cQuery, ""},
	"intersect": {kIntersect, cQuery, ""},
	"except":    {kExcept, cQuery, ""},
	"minus":     {kMinus, cQuery, Oracle},
	"connect":   {kConnect, cQuery, ""},
	"option":    {kOption, cQuery, ""},
	"returning": {kReturning, cQuery, Postgres},
	"output":    {kOutput, cQuery, ""},

	"join":          {kJoin, cJoin, ""},
	"inner":         {kInner, cJoin, ""},
	"cross":         {kCross, cJoin, ""},
	"natural":       {kNatural, cJoin, ""},
	"full":          {kFull, cJoin, ""},
	"left":          {kLeft, cJoin, ""},
	"right":         {kRight, cJoin, ""},
	"outer":         {kOuter, cJoin, ""},
	"straight_join": {kStraightJoin, cJoin, MySQL},
	"apply":         {kApply, 0, TSQL},
	"lateral":       {kLateral, 0, ""},

	"on":                {kOn, 0, ""},
	"using":             {kUsing, 0, ""},
	"as":                {kAs, 0, ""},
	"is":                {kIs, 0, ""},
	"by":                {kBy, 0, ""},
	"all":               {kAll, 0, ""},
	"distinct":          {kDistinct, 0, ""},
	"top":               {kTop, 0, TSQL},
	"recursive":         {kRecursive, 0, ""},
	"not":               {kNot, 0, ""},
	"and":               {kAnd, 0, ""},
	"or":                {kOr, 0, ""},
	"in":                {kIn, 0, ""},
	"exists":            {kExists, 0, ""},
	"case":              {kCase, 0, ""},
	"null":              {kNull, cValue, ""},
	"true":              {kNull, cValue, ""},
	"false":             {kNull, cValue, ""},
	"current_date":      {kNull, cValue, ""},
	"current_timestamp": {kNull, cValue, ""},
	"current_time":      {kNull, cValue, ""},
	"current_user":      {kNull, cValue, ""},
	"session_user":      {kNull, cValue, ""},
	"localtimestamp":    {kNull, cValue, ""},
	"table":             {kTable, 0, ""},
	"view":              {kView, 0, ""},
	"index":             {kIndex, 0, ""},
	"procedure":         {kProcedure, 0, ""},
	"proc":              {kProcedure, 0, TSQL},
	"function":          {kFunction, 0, ""},
	"trigger":           {kTrigger, 0, ""},
	"package":           {kPackage, 0, Oracle},
	"body":              {kBody, 0, ""},
	"type":              {kType, 0, ""},
	"temp":              {kTemp, 0, ""},
	"temporary":         {kTemp, 0, ""},
	"global":            {kGlobal, 0, ""},
	"unlogged":          {kUnlogged, 0, Postgres},
	"materialized":      {kMaterialized, 0, ""},
	"constraint":        {kConstraint, 0, ""},
	"foreign":           {kForeign, 0, ""},
	"primary":           {kPrimary, 0, ""},
	"key":               {kKey, 0, ""},
	"references":        {kReferences, 0, ""},
	"check":             {kCheck, 0, ""},
	"unique":            {kUnique, 0, ""},
	"each":              {kEach, 0, ""},
	"row":               {kRow, 0, ""},
	"before":            {kBefore, 0, ""},
	"after":             {kAfter, 0, ""},
	"instead":           {kInstead, 0, ""},
	"of":                {kOf, 0, ""},
	"referencing":       {kReferencing, 0, ""},
	"follows":           {kFollows, 0, ""},
	"precedes":          {kPrecedes, 0, ""},
	"compound":          {kCompound, 0, Oracle},
	"atomic":            {kAtomic, 0, ""},
	"try":               {kTry, 0, TSQL},
	"catch":             {kCatch, 0, TSQL},
	"tran":              {kTran, 0, TSQL},
	"transaction":       {kTran, 0, ""},
	"work":              {kWork, 0, ""},
	"distributed":       {kDistributed, 0, TSQL},
	"isolation":         {kIsolation, 0, ""},
	"immediate":         {kImmediate, 0, Oracle},
	"bulk":              {kBulk, 0, Oracle},
	"cursor":            {kCursor, 0, ""},
	"pragma":            {kPragma, 0, Oracle},
	"subtype":           {kSubtype, 0, Oracle},
	"returns":           {kReturns, 0, ""},
	"language":          {kLanguage, 0, ""},
	"only":              {kOnly, 0, ""},
	"conflict":          {kConflict, 0, Postgres},
	"duplicate":         {kDuplicate, 0, MySQL},
	"matched":           {kMatched, 0, ""},
	"ignore":            {kIgnore, 0, ""},
	"force":             {kForce, 0, ""},
	"share":             {kShare, 0, ""},
	"partition":         {kPartition, 0, ""},
	"tablesample":       {kTablesample, 0, ""},
	"sample":            {kSample, 0, ""},
	"pivot":             {kPivot, 0, ""},
	"unpivot":           {kUnpivot, 0, ""},
	"column":            {kColumn, 0, ""},
	"add":               {kAdd, 0, ""},
	"default":           {kDefault, 0, ""},
	"current":           {kCurrent, 0, ""},
	"schema":            {kSchema, 0, ""},
	"database":          {kDatabase, 0, ""},
	"next":              {kNext, 0, ""},
	"interval":          {kInterval, 0, ""},
	"nowait":            {kNoWait, 0, ""},
	"editionable":       {kEdition, 0, Oracle},
	"noneditionable":    {kEdition, 0, Oracle},
	"definer":           {kDefiner, 0, MySQL},
	"algorithm":         {kAlgorithm, 0, MySQL},
	"security":          {kSecurity, 0, ""},
	"authid":            {kAuthid, 0, Oracle},
	"low_priority":      {kLowPriority, 0, MySQL},
	"quick":             {kQuick, 0, MySQL},
	"delayed":           {kDelayed, 0, MySQL},
	"high_priority":     {kLowPriority, 0, MySQL},
	"character":         {kCharacter, 0, ""},
	"charset":           {kCharacter, 0, MySQL},
	"first":             {kFirst, 0, ""},
	"like":              {kLike, 0, ""},

	// Words that only hint at a dialect.
	"nocount":          {kNone, 0, TSQL},
	"nvarchar":         {kNone, 0, TSQL},
	"varchar2":         {kNone, 0, Oracle},
	"nvarchar2":        {kNone, 0, Oracle},
	"nvl":              {kNone, 0, Oracle},
	"sysdate":          {kNone, cValue, Oracle},
	"systimestamp":     {kNone, cValue, Oracle},
	"dual":             {kNone, 0, Oracle},
	"pls_integer":      {kNone, 0, Oracle},
	"rownum":           {kNone, cValue, Oracle},
	"auto_increment":   {kNone, 0, MySQL},
	"engine":           {kNone, 0, MySQL},
	"unsigned":         {kNone, 0, MySQL},
	"plpgsql":          {kNone, 0, Postgres},
	"serial":           {kNone, 0, Postgres},
	"bigserial":        {kNone, 0, Postgres},
	"ilike":            {kNone, 0, Postgres},
	"jsonb":            {kNone, 0, Postgres},
	"timestamptz":      {kNone, 0, Postgres},
	"uniqueidentifier": {kNone, 0, TSQL},
	"getdate":          {kNone, 0, TSQL},
	"getutcdate":       {kNone, 0, TSQL},
	"sysutcdatetime":   {kNone, 0, TSQL},
	"identity":         {kNone, 0, ""},
	"nolock":           {kNone, 0, TSQL},
	"number":           {kNone, 0, Oracle},
	"varchar":          {kNone, 0, ""},
}

// maxKeywordLen is the length of the longest keyword.
const maxKeywordLen = 20

// lookupKeyword returns what the word s (any case) is.
func lookupKeyword(s string) kwInfo {
	if len(s) > maxKeywordLen || len(s) < 2 {
		return kwInfo{}
	}
	var buf [maxKeywordLen]byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return keywords[string(buf[:len(s)])]
}

// builtins are the functions and type names of the five dialects that are
// not routines of the application: a call to one of them is not a call.
var builtins = wordSet(`
abs acos add_months addtime adddate aes_decrypt aes_encrypt age any_value app_name approx_count_distinct array
array_agg array_append array_cat array_length array_position array_remove array_to_json array_to_string
ascii asin atan atan2 avg benchmark bfilename bigint bin binary binary_checksum binary_double binary_float
binary_integer bit bit_and bit_length bit_or bit_xor bitand blob bool bool_and bool_or boolean bpchar
bytea cardinality cast ceil ceiling char char_length character_length charindex checksum checksum_agg
choose chr cidr citext clob clock_timestamp coalesce col_length col_name collect columnproperty columns_updated
compress concat concat_ws connection_id containstable contains conv convert convert_tz corr cos cot count count_big
covar_pop covar_samp crc32 crosstab cume_dist curdate current_setting currval curtime
database databasepropertyex datalength date date_add date_bin date_bucket date_format date_part date_sub date_trunc
dateadd datediff datediff_big datefromparts datename datepart datetime datetime2 datetime2fromparts
datetimeoffset datetimeoffsetfromparts datetrunc day dayname dayofmonth dayofweek dayofyear db_id db_name
dbtimezone dec decimal decode decompress degrees dense_rank deref difference div double elt empty_blob
empty_clob encode enum eomonth error_line error_message error_number error_procedure error_severity
error_state eventdata every exists existsnode exp extract extractvalue field filter find_in_set first_value
fixed float float4 float8 floor format format_type formatmessage found_rows freetext freetexttable from_days
from_tz from_unixtime gen_random_uuid generate_series geography geometry get_lock getancestor getdate getutcdate
greatest group_concat grouping grouping_id has_perms_by_name has_table_privilege hashbytes hex hextoraw hierarchyid
host_name hour iif ifnull image inet inet_aton inet_ntoa initcap instr int int2 int4 int8 integer interval
is_free_lock is_member is_rolemember isdate isjson isnull isnumeric json json_agg json_array json_array_elements
json_array_length json_arrayagg json_build_array json_build_object json_contains json_each json_extract
json_extract_path json_insert json_keys json_length json_modify json_object json_object_agg json_objectagg
json_populate_record json_query json_remove json_search json_set json_table json_unquote json_valid json_value
jsonb jsonb_agg jsonb_array_elements jsonb_array_length jsonb_build_array jsonb_build_object jsonb_each
jsonb_extract_path jsonb_insert jsonb_object_agg jsonb_path_query jsonb_populate_record jsonb_set
jsonb_strip_nulls jsonb_typeof justify_interval lag last_day last_insert_id last_value lastval lcase lead
least left len length lengthb levenshtein listagg ln lnnvl localtime localtimestamp locate log log10 log2
long longblob longtext lower lpad ltrim macaddr make_date make_interval make_timestamp makedate maketime
max md5 mediumblob mediumint mediumtext mid min minute mod money month monthname months_between multiset
nchar nclob new_time newid newsequentialid next_day nextval now nth_value ntext ntile nullif num_nonnulls
number numeric numtodsinterval numtoyminterval nvarchar nvarchar2 nvl nvl2 object_definition object_id
object_name objectproperty oct octet_length openjson opendatasource openquery openrowset openxml ora_hash
original_login over overlay parse patindex percent_rank percentile_cont percentile_disc period_add
period_diff permissions pg_advisory_lock pg_advisory_xact_lock pg_notify pg_sleep pg_try_advisory_lock pi
plainto_tsquery pls_integer point position power precision quarter quote_ident quote_literal quote_nullable
quotename radians raise_application_error rand random rank raw rawtohex real ref regexp_count regexp_instr
regexp_like regexp_match regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table
regexp_substr release_lock repeat replace replicate reverse right round row row_count row_number row_to_json
rowid rowversion rpad rtrim schema schema_id schema_name scope_identity sec_to_time second serial
serverproperty session_context sessionproperty sessiontimezone set_config setval sha sha1 sha2 sign sign
similarity simple_integer sin sleep smalldatetime smalldatetimefromparts smallint smallmoney smallserial
soundex space split_part sql_variant sqlcode sqlerrm sqrt standard_hash statement_timestamp std stddev
stddev_pop stddev_samp stdev stdevp str str_to_date strftime string_agg string_escape string_split
string_to_array strpos stuff subdate substr substring substring_index subtime sum suser_name suser_sname
switchoffset sys_context sys_extract_utc sys_guid sysdate sysdatetime sysdatetimeoffset sysname
systimestamp sysutcdatetime tan text time time_to_sec timefromparts timestamp timestampadd timestampdiff
timestamptz tinyblob tinyint tinytext to_blob to_char to_clob to_date to_days to_json to_jsonb to_nchar
to_number to_seconds to_timestamp to_tsquery to_tsvector todatetimeoffset translate treat trigger_nestlevel
trim trunc truncate try_cast try_convert try_parse ts_rank tsvector txid_current type_id type_name tz_offset
ucase uid unhex unicode uniqueidentifier unix_timestamp unnest upper urowid user user_name userenv utc_date
utc_time utc_timestamp uuid uuid_generate_v4 uuid_short value var var_pop var_samp varbinary varchar
varchar2 variance varp varying version week weekday weekofyear width_bucket within word_similarity xml
xmlagg xmlelement xmlexists xmlforest xmlparse xmlquery xmlserialize xmltable xmltype xact_state year
yearweek if insert values key check unique table cursor any all some in exists not and or is on using
cube rollup grouping_sets nodes query exist modify stdistance tostring isdescendantof getlevel
stastext stintersects nextval contains freetext daterange tstzrange tsrange int4range int8range numrange
array_dims hstore ltree between escape similar regexp rlike glob match against collate rows range
separator some any all  ntext nchar varchar character time timestamp with without zone
`)

// methodNames are XML and spatial methods of T-SQL values ("x.value(...)"):
// a qualified call whose last part is one of them is not a routine call.
var methodNames = wordSet(`value nodes query exist modify stdistance tostring isdescendantof getlevel
getancestor stastext stintersects stx sty lat long parse write read getroot getdescendant`)

// oracleDictionary are data-dictionary views, never application tables.
var oracleDictionary = wordSet(`user_tables all_tables dba_tables user_objects all_objects dba_objects
user_tab_columns all_tab_columns dba_tab_columns user_constraints all_constraints dba_constraints
user_indexes all_indexes user_sequences all_sequences user_source all_source user_views all_views
user_triggers all_triggers user_procedures all_procedures user_synonyms all_synonyms user_users
all_users dba_users user_cons_columns all_cons_columns user_ind_columns all_ind_columns user_tab_comments
all_tab_comments user_col_comments all_col_comments user_errors all_errors user_jobs dba_jobs
user_scheduler_jobs session_roles`)

// sqlServerSystemTables are the old unqualified T-SQL catalog views.
var sqlServerSystemTables = wordSet(`sysobjects syscolumns sysindexes sysusers systypes syscomments
sysconstraints sysreferences sysdatabases sysprocesses sysforeignkeys sysfiles`)

// systemSchemas are schemas (or databases) that hold the system catalogs.
var systemSchemas = wordSet(`information_schema sys pg_catalog pg_toast performance_schema mysql master msdb
tempdb model sqlite_master`)

// systemProcedures are T-SQL system procedures that are not application
// routines (sp_executesql is handled as dynamic SQL).
var systemProcedures = wordSet(`sp_executesql sp_rename sp_addextendedproperty sp_updateextendedproperty
sp_dropextendedproperty sp_getapplock sp_releaseapplock sp_refreshview sp_refreshsqlmodule sp_help
sp_helptext sp_helpindex sp_set_session_context sp_describe_first_result_set sp_xml_preparedocument
sp_xml_removedocument sp_send_dbmail sp_start_job sp_recompile sp_msforeachtable sp_msforeachdb sp_who
sp_who2 sp_lock sp_configure sp_executesql sp_addrolemember sp_droprolemember sp_addlogin sp_adduser
sp_grantdbaccess sp_spaceused sp_updatestats sp_autostats sp_bindrule sp_unbindrule sp_settriggerorder
sp_prepare sp_execute sp_unprepare sp_cursoropen sp_cursorfetch sp_cursorclose sp_trace_setstatus
sp_testlinkedserver sp_addlinkedserver sp_serveroption sp_sequence_get_range sp_invoke_external_rest_endpoint
sp_fulltext_database sp_tableoption sp_procoption sp_depends sp_columns sp_tables sp_pkeys sp_fkeys
sp_statistics sp_stored_procedures sp_sproc_columns sp_special_columns sp_server_info sp_datatype_info
sp_databases sp_bindefault sp_unbindefault sp_addtype sp_droptype sp_changeobjectowner sp_changedbowner
sp_detach_db sp_attach_db sp_dboption sp_resetstatus sp_readerrorlog sp_cycle_errorlog`)

// oracleSystemPackagePrefixes begin the names of Oracle's supplied packages.
var oracleSystemPackagePrefixes = []string{"dbms_", "utl_", "owa_", "apex_", "ctx_", "htp", "htf", "sys_", "wwv_"}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}
