"""The site's templates, theme overrides and assets, shipped inside the package as
`generator.templates` (pyproject.toml maps this folder there)."""
