// Base classes that live outside the public prefect surfaces but whose public members are well known, so classes
// deriving from them (Prefect's pydantic schemas such as FlowRun) can still be judged complete.

export interface KnownBase {
  members: readonly string[];
  /** Further bases, by the same keys (or prefect names). */
  bases?: readonly string[];
}

// pydantic v2 BaseModel public API, plus the v1-style methods that v2 still carries (deprecated) and that Prefect 2.x
// models expose through pydantic.v1: a name here is never reported as missing.
const PYDANTIC_MEMBERS = [
  "model_computed_fields",
  "model_config",
  "model_construct",
  "model_copy",
  "model_dump",
  "model_dump_json",
  "model_extra",
  "model_fields",
  "model_fields_set",
  "model_json_schema",
  "model_parametrized_name",
  "model_post_init",
  "model_rebuild",
  "model_validate",
  "model_validate_json",
  "model_validate_strings",
  "construct",
  "copy",
  "dict",
  "from_orm",
  "json",
  "parse_file",
  "parse_obj",
  "parse_raw",
  "schema",
  "schema_json",
  "update_forward_refs",
  "validate",
];

const EXCEPTION_MEMBERS = ["args", "with_traceback", "add_note"];

const STR_MEMBERS = [
  "capitalize",
  "casefold",
  "center",
  "count",
  "encode",
  "endswith",
  "expandtabs",
  "find",
  "format",
  "format_map",
  "index",
  "isalnum",
  "isalpha",
  "isascii",
  "isdecimal",
  "isdigit",
  "isidentifier",
  "islower",
  "isnumeric",
  "isprintable",
  "isspace",
  "istitle",
  "isupper",
  "join",
  "ljust",
  "lower",
  "lstrip",
  "maketrans",
  "partition",
  "removeprefix",
  "removesuffix",
  "replace",
  "rfind",
  "rindex",
  "rjust",
  "rpartition",
  "rsplit",
  "rstrip",
  "split",
  "splitlines",
  "startswith",
  "strip",
  "swapcase",
  "title",
  "translate",
  "upper",
  "zfill",
];

const LIST_MEMBERS = [
  "append",
  "clear",
  "copy",
  "count",
  "extend",
  "index",
  "insert",
  "pop",
  "remove",
  "reverse",
  "sort",
];
const DICT_MEMBERS = [
  "clear",
  "copy",
  "fromkeys",
  "get",
  "items",
  "keys",
  "pop",
  "popitem",
  "setdefault",
  "update",
  "values",
];

const NO_MEMBERS: readonly string[] = [];

/** Keyed by the name as written in a class statement, or by the fully qualified name it resolves to. */
const KNOWN_BASES: Readonly<Record<string, KnownBase>> = {
  object: { members: NO_MEMBERS },
  Generic: { members: NO_MEMBERS },
  "typing.Generic": { members: NO_MEMBERS },
  Protocol: { members: NO_MEMBERS },
  "typing.Protocol": { members: NO_MEMBERS },
  ABC: { members: NO_MEMBERS },
  "abc.ABC": { members: NO_MEMBERS },
  TypedDict: { members: NO_MEMBERS },
  NamedTuple: { members: ["count", "index", "_asdict", "_replace", "_fields", "_make"] },
  Enum: { members: ["name", "value"] },
  "enum.Enum": { members: ["name", "value"] },
  str: { members: STR_MEMBERS },
  list: { members: LIST_MEMBERS },
  dict: { members: DICT_MEMBERS },
  Iterator: { members: NO_MEMBERS },
  Iterable: { members: NO_MEMBERS },
  "typing.Iterator": { members: NO_MEMBERS },
  "collections.abc.Iterator": { members: NO_MEMBERS },
  BaseException: { members: EXCEPTION_MEMBERS },
  Exception: { members: EXCEPTION_MEMBERS },
  ValueError: { members: EXCEPTION_MEMBERS },
  TypeError: { members: EXCEPTION_MEMBERS },
  RuntimeError: { members: EXCEPTION_MEMBERS },
  KeyError: { members: EXCEPTION_MEMBERS },
  ImportError: { members: [...EXCEPTION_MEMBERS, "name", "path", "msg"] },
  TimeoutError: { members: [...EXCEPTION_MEMBERS, "errno", "strerror", "filename"] },
  BaseModel: { members: PYDANTIC_MEMBERS },
  "pydantic.BaseModel": { members: PYDANTIC_MEMBERS },
  "pydantic.v1.BaseModel": { members: PYDANTIC_MEMBERS },
  // Prefect 2.x's pydantic v1/v2 compatibility shims.
  "prefect.pydantic.BaseModel": { members: PYDANTIC_MEMBERS },
  "prefect._internal.pydantic._compat.BaseModel": { members: PYDANTIC_MEMBERS },
  "prefect._internal.compatibility.deprecated.DeprecatedInfraOverridesField": {
    members: ["infra_overrides", "job_variables"],
    bases: ["BaseModel"],
  },
  RootModel: { members: ["root"], bases: ["BaseModel"] },
  "pydantic.RootModel": { members: ["root"], bases: ["BaseModel"] },
  BaseSettings: { members: ["settings_customise_sources"], bases: ["BaseModel"] },
  // Prefect's own schema bases live in prefect._internal, which the public surfaces leave out.
  "prefect._internal.schemas.bases.PrefectBaseModel": {
    members: ["reset_fields", "model_dump_for_openapi", "copy_with_updates"],
    bases: ["BaseModel"],
  },
  "prefect._internal.schemas.bases.IDBaseModel": {
    members: ["id"],
    bases: ["prefect._internal.schemas.bases.PrefectBaseModel"],
  },
  "prefect._internal.schemas.bases.ObjectBaseModel": {
    members: ["id", "created", "updated"],
    bases: ["prefect._internal.schemas.bases.IDBaseModel"],
  },
  "prefect._internal.schemas.bases.TimeSeriesBaseModel": {
    members: ["id"],
    bases: ["prefect._internal.schemas.bases.IDBaseModel"],
  },
  "prefect._internal.schemas.bases.ActionBaseModel": {
    members: NO_MEMBERS,
    bases: ["prefect._internal.schemas.bases.PrefectBaseModel"],
  },
  // 2.x kept the same schema bases under prefect.server.utilities.schemas.
  "prefect.server.utilities.schemas.bases.PrefectBaseModel": {
    members: ["reset_fields", "copy_with_updates"],
    bases: ["BaseModel"],
  },
  "prefect.server.utilities.schemas.bases.IDBaseModel": {
    members: ["id"],
    bases: ["prefect.server.utilities.schemas.bases.PrefectBaseModel"],
  },
  "prefect.server.utilities.schemas.bases.ObjectBaseModel": {
    members: ["id", "created", "updated"],
    bases: ["prefect.server.utilities.schemas.bases.IDBaseModel"],
  },
};

export function knownBase(name: string): KnownBase | undefined {
  return Object.hasOwn(KNOWN_BASES, name) ? KNOWN_BASES[name] : undefined;
}
