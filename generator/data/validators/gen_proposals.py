"""The validator of a `proposals` item, compiled ahead from the schema by fastjsonschema: written by
`make validators`, never by hand (tests/test_validators.py holds it to the schema)."""

MADE_FROM = "7bf1bbb3cc0825d511ef0693b0955325b28f714ad93f55dfb4a8b4971e85169f"

VERSION = "2.22.3"
from decimal import Decimal
import re
from fastjsonschema import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '\\S': re.compile('\\S'),
    '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$': re.compile('^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*\\Z'),
    '^[a-z0-9]+(-[a-z0-9]+)*$': re.compile('^[a-z0-9]+(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate(data, custom_formats={}, name_prefix=None):
    validate___definitions_proposal(data, custom_formats, (name_prefix or "data") + "")
    return data

def validate___definitions_proposal(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'An option on the table.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'summary'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'summary': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'related': {'description': 'Relations to other proposals.', 'type': 'array', 'items': {'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'$ref': '#/definitions/id'}, 'relation': {'$ref': '#/definitions/relation-kind'}}}}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'summary']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'An option on the table.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'summary'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'summary': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'related': {'description': 'Relations to other proposals.', 'type': 'array', 'items': {'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'$ref': '#/definitions/id'}, 'relation': {'$ref': '#/definitions/relation-kind'}}}}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate___definitions_id(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate___definitions_line(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "summary" in data_keys:
            data_keys.remove("summary")
            data__summary = data["summary"]
            validate___definitions_prose(data__summary, custom_formats, (name_prefix or "data") + ".summary")
        if "related" in data_keys:
            data_keys.remove("related")
            data__related = data["related"]
            if not isinstance(data__related, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".related must be array", value=data__related, name="" + (name_prefix or "data") + ".related", definition={'description': 'Relations to other proposals.', 'type': 'array', 'items': {'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'$ref': '#/definitions/id'}, 'relation': {'$ref': '#/definitions/relation-kind'}}}}, rule='type')
            data__related_is_list = isinstance(data__related, (list, tuple))
            if data__related_is_list:
                data__related_len = len(data__related)
                for data__related_x, data__related_item in enumerate(data__related):
                    validate___definitions_relation(data__related_item, custom_formats, (name_prefix or "data") + f".related[{data__related_x}]")
        if "notes" in data_keys:
            data_keys.remove("notes")
            data__notes = data["notes"]
            validate___definitions_prose(data__notes, custom_formats, (name_prefix or "data") + ".notes")
        if "formerly" in data_keys:
            data_keys.remove("formerly")
            data__formerly = data["formerly"]
            validate___definitions_formerly(data__formerly, custom_formats, (name_prefix or "data") + ".formerly")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'An option on the table.', 'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'summary'], 'properties': {'id': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'title': {'description': 'One line of text.', 'type': 'string', 'minLength': 1, 'pattern': '^[^\\n\\r\\u2028\\u2029]*\\S[^\\n\\r\\u2028\\u2029]*$', 'x-message': 'must be one non-empty line of text'}, 'summary': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'related': {'description': 'Relations to other proposals.', 'type': 'array', 'items': {'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'$ref': '#/definitions/id'}, 'relation': {'$ref': '#/definitions/relation-kind'}}}}, 'notes': {'description': 'Free text; may span lines. Shown as plain text (no Markdown, no HTML).', 'type': 'string', 'minLength': 1, 'pattern': '\\S', 'x-message': 'must be non-empty text'}, 'formerly': {'description': "Ids this item had before it was renamed, on a published dossier. A published id is never reused: the old page address leads to this item's page (a claim's old anchor to its card). Only ids that were published keep their addresses: on a dossier never published `formerly` is an error (an unpublished id has no readers, and its page would put back wording an edit removed).", 'type': 'array', 'uniqueItems': True, 'items': {'$ref': '#/definitions/id'}}}}, rule='additionalProperties')
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

def validate___definitions_relation(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'relation': {'description': '`variant-of`, `part-of`, `alternative-to`, `conflicts-with`, `precondition-for` or `related-to`.', 'enum': ['variant-of', 'part-of', 'alternative-to', 'conflicts-with', 'precondition-for', 'related-to']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['proposal', 'relation']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'relation': {'description': '`variant-of`, `part-of`, `alternative-to`, `conflicts-with`, `precondition-for` or `related-to`.', 'enum': ['variant-of', 'part-of', 'alternative-to', 'conflicts-with', 'precondition-for', 'related-to']}}}, rule='required')
        data_keys = set(data.keys())
        if "proposal" in data_keys:
            data_keys.remove("proposal")
            data__proposal = data["proposal"]
            validate___definitions_id(data__proposal, custom_formats, (name_prefix or "data") + ".proposal")
        if "relation" in data_keys:
            data_keys.remove("relation")
            data__relation = data["relation"]
            validate___definitions_relation_kind(data__relation, custom_formats, (name_prefix or "data") + ".relation")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'description': 'How one proposal relates to another.', 'type': 'object', 'additionalProperties': False, 'required': ['proposal', 'relation'], 'properties': {'proposal': {'description': 'A stable identifier: lower-case letters, digits and single hyphens. It becomes part of page addresses, so never change a published one.', 'type': 'string', 'pattern': '^[a-z0-9]+(-[a-z0-9]+)*$', 'maxLength': 80, 'x-message': 'must be lower-case letters, digits and single hyphens (e.g. `volodymyr-zelenskyy`)'}, 'relation': {'description': '`variant-of`, `part-of`, `alternative-to`, `conflicts-with`, `precondition-for` or `related-to`.', 'enum': ['variant-of', 'part-of', 'alternative-to', 'conflicts-with', 'precondition-for', 'related-to']}}}, rule='additionalProperties')
    return data

def validate___definitions_relation_kind(data, custom_formats={}, name_prefix=None):
    if not (isinstance(data, str) and data == 'variant-of' or isinstance(data, str) and data == 'part-of' or isinstance(data, str) and data == 'alternative-to' or isinstance(data, str) and data == 'conflicts-with' or isinstance(data, str) and data == 'precondition-for' or isinstance(data, str) and data == 'related-to'):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be one of ['variant-of', 'part-of', 'alternative-to', 'conflicts-with', 'precondition-for', 'related-to']", value=data, name="" + (name_prefix or "data") + "", definition={'description': '`variant-of`, `part-of`, `alternative-to`, `conflicts-with`, `precondition-for` or `related-to`.', 'enum': ['variant-of', 'part-of', 'alternative-to', 'conflicts-with', 'precondition-for', 'related-to']}, rule='enum')
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