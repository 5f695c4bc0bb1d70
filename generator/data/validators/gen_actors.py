"""The validator of a `actors` item, compiled ahead from the schema by fastjsonschema: written by
`make validators`, never by hand (tests/test_validators.py holds it to the schema)."""

MADE_FROM = "074fd71e4b985613363a858b716977c7d0f77555b791a1513597b51308060ab3"

VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '\\S': re.compile('\\S'),
    '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$': re.compile('^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?\\Z'),
    '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$': re.compile('^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*\\Z'),
    '^[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^[a-z0-9]+(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    validate___definitions_actor(data, custom_formats, (name_prefix or "data") + "")
    return data

def validate___definitions_actor(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A person or body whose words or positions are recorded.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'name', 'kind'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'name': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'kind': {'description': '`person`, `organization` (a government, office, outlet or alliance) or `anonymous` (an unnamed source).', 'enum': ['person', 'organization', 'anonymous']}, 'aliases': {'description': 'Other names the sources use (spellings, transliterations, titles), so search finds the actor by any of them.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}}, 'roles': {'description': 'Roles the sources give the actor.', 'type': 'array', 'items': {'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'The role, e.g. `President of Ukraine`.', '$ref': '#/definitions/line'}, 'from': {'description': 'When the role began, if known.', '$ref': '#/definitions/date'}, 'until': {'description': 'When the role ended, if known.', '$ref': '#/definitions/date'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}}, 'affiliation': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A person or body whose words or positions are recorded.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'name', 'kind'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'name': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'kind': {'description': '`person`, `organization` (a government, office, outlet or alliance) or `anonymous` (an unnamed source).', 'enum': ['person', 'organization', 'anonymous']}, 'aliases': {'description': 'Other names the sources use (spellings, transliterations, titles), so search finds the actor by any of them.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}}, 'roles': {'description': 'Roles the sources give the actor.', 'type': 'array', 'items': {'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'The role, e.g. `President of Ukraine`.', '$ref': '#/definitions/line'}, 'from': {'description': 'When the role began, if known.', '$ref': '#/definitions/date'}, 'until': {'description': 'When the role ended, if known.', '$ref': '#/definitions/date'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}}, 'affiliation': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "name" in data_keys:
            data_keys.remove("name")
            data__name = data["name"]
            validate___definitions_line(data__name, custom_formats, (name_prefix or "data") + ".name")
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            validate___definitions_actor_kind(data__kind, custom_formats, (name_prefix or "data") + ".kind")
        if "aliases" in data_keys:
            data_keys.remove("aliases")
            data__aliases = data["aliases"]
            if not isinstance(data__aliases, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".aliases must be array", value=data__aliases, name="" + (name_prefix or "data") + ".aliases", definition={'description': 'Other names the sources use (spellings, transliterations, titles), so search finds the actor by any of them.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}}, rule='type')
            data__aliases_is_list = isinstance(data__aliases, (list, tuple))
            if data__aliases_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__aliases_len = len(data__aliases)
                if data__aliases_len > len(set(fn(data__aliases_x) for data__aliases_x in data__aliases)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".aliases must contain unique items", value=data__aliases, name="" + (name_prefix or "data") + ".aliases", definition={'description': 'Other names the sources use (spellings, transliterations, titles), so search finds the actor by any of them.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}}, rule='uniqueItems')
                for data__aliases_x, data__aliases_item in enumerate(data__aliases):
                    validate___definitions_line(data__aliases_item, custom_formats, (name_prefix or "data") + f".aliases[{data__aliases_x}]")
        if "roles" in data_keys:
            data_keys.remove("roles")
            data__roles = data["roles"]
            if not isinstance(data__roles, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".roles must be array", value=data__roles, name="" + (name_prefix or "data") + ".roles", definition={'description': 'Roles the sources give the actor.', 'type': 'array', 'items': {'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'The role, e.g. `President of Ukraine`.', '$ref': '#/definitions/line'}, 'from': {'description': 'When the role began, if known.', '$ref': '#/definitions/date'}, 'until': {'description': 'When the role ended, if known.', '$ref': '#/definitions/date'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}}, rule='type')
            data__roles_is_list = isinstance(data__roles, (list, tuple))
            if data__roles_is_list:
                data__roles_len = len(data__roles)
                for data__roles_x, data__roles_item in enumerate(data__roles):
                    validate___definitions_role(data__roles_item, custom_formats, (name_prefix or "data") + f".roles[{data__roles_x}]")
        if "affiliation" in data_keys:
            data_keys.remove("affiliation")
            data__affiliation = data["affiliation"]
            validate___definitions_line(data__affiliation, custom_formats, (name_prefix or "data") + ".affiliation")
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            validate___definitions_prose(data__notes, custom_formats, (name_prefix or "data") + ".notes")
        if "formerly" in data_keys:
            data_keys.remove("formerly")
            data__formerly = data["formerly"]
            validate___definitions_formerly(data__formerly, custom_formats, (name_prefix or "data") + ".formerly")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A person or body whose words or positions are recorded.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'name', 'kind'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'name': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'kind': {'description': '`person`, `organization` (a government, office, outlet or alliance) or `anonymous` (an unnamed source).', 'enum': ['person', 'organization', 'anonymous']}, 'aliases': {'description': 'Other names the sources use (spellings, transliterations, titles), so search finds the actor by any of them.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}}, 'roles': {'description': 'Roles the sources give the actor.', 'type': 'array', 'items': {'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'The role, e.g. `President of Ukraine`.', '$ref': '#/definitions/line'}, 'from': {'description': 'When the role began, if known.', '$ref': '#/definitions/date'}, 'until': {'description': 'When the role ended, if known.', '$ref': '#/definitions/date'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}}, 'affiliation': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='additionalProperties')
    return data

def validate___definitions_formerly(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (list, tuple)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be array", value=data, name="" + (name_prefix or "data") + "", definition={'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}, rule='type')
    data_is_list = isinstance(data, (list, tuple))
    if data_is_list:
        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
        data_len = len(data)
        if data_len > len(set(fn(data_x) for data_x in data)):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain unique items", value=data, name="" + (name_prefix or "data") + "", definition={'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}, rule='uniqueItems')
        for data_x, data_item in enumerate(data):
            validate___definitions_id(data_item, custom_formats, (name_prefix or "data") + f"[{data_x}]")
    return data

def validate___definitions_prose(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, rule='minLength')
        if not REGEX_PATTERNS['\\S'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern \\S", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, rule='pattern')
    return data

def validate___definitions_role(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'from': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'until': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['title']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'from': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'until': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}}}, rule='required')
        data_keys = set(data.keys())
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate___definitions_line(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "from" in data_keys:
            data_keys.remove("from")
            data__from = data["from"]
            validate___definitions_date(data__from, custom_formats, (name_prefix or "data") + ".from")
        if "until" in data_keys:
            data_keys.remove("until")
            data__until = data["until"]
            validate___definitions_date(data__until, custom_formats, (name_prefix or "data") + ".until")
        if "sources" in data_keys:
            data_keys.remove("sources")
            data__sources = data["sources"]
            if not isinstance(data__sources, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sources must be array", value=data__sources, name="" + (name_prefix or "data") + ".sources", definition={'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}, rule='type')
            data__sources_is_list = isinstance(data__sources, (list, tuple))
            if data__sources_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__sources_len = len(data__sources)
                if data__sources_len > len(set(fn(data__sources_x) for data__sources_x in data__sources)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sources must contain unique items", value=data__sources, name="" + (name_prefix or "data") + ".sources", definition={'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}, rule='uniqueItems')
                for data__sources_x, data__sources_item in enumerate(data__sources):
                    validate___definitions_id(data__sources_item, custom_formats, (name_prefix or "data") + f".sources[{data__sources_x}]")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A position an actor holds or held, as the sources give it.', 'type': 'object', 'additionalProperties': False, 'required': ['title'], 'properties': {'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'from': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'until': {'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, 'sources': {'description': 'Ids of the sources that give this role.', 'type': 'array', 'uniqueItems': True, 'items': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}}}}, rule='additionalProperties')
    return data

def validate___definitions_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", value=data, name="" + (name_prefix or "data") + "", definition={'description': '`YYYY`, `YYYY-MM` or `YYYY-MM-DD`. The form is the precision: `2022-03` means "some day in March 2022".', 'type': 'string', 'pattern': '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$', 'x-message': 'must be a date written YYYY, YYYY-MM or YYYY-MM-DD'}, rule='pattern')
    return data

def validate___definitions_actor_kind(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'person' or isinstance(data, str) and data == 'organization' or isinstance(data, str) and data == 'anonymous'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['person', 'organization', 'anonymous']", value=data, name="" + (name_prefix or "data") + "", definition={'description': '`person`, `organization` (a government, office, outlet or alliance) or `anonymous` (an unnamed source).', 'enum': ['person', 'organization', 'anonymous']}, rule='enum')
    return data

def validate___definitions_line(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len < 1:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be longer than or equal to 1 characters", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, rule='minLength')
        if not REGEX_PATTERNS['^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, rule='pattern')
    return data

def validate___definitions_id(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 80:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 80 characters", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z0-9]+(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z0-9]+(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, rule='pattern')
    return data