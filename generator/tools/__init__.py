"""The curator's and reviewer's commands: `dossier init`, `add-source`, `quote` and `changes`.

They sit at the command line's layer (they may use data, site and publish; nothing below uses
them), and each edits files only as text it appends or creates, never by rewriting YAML.
"""
