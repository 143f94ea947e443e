"""Content an architect would sign: guide names as the seed writes them (more checks follow)."""

from __future__ import annotations

from workbench.banks import bundled_banks_dir, load_banks


def test_guides_keep_the_seed_names_from_the_mapping_table() -> None:
    catalogue = load_banks([bundled_banks_dir()]).catalogue
    for row in catalogue.guide_map:
        assert catalogue.guides[row.guide].title == row.guide_title
