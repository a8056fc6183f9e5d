"""healthsite/validation.py in-process: "expected" names the fields of the model
the mistake is in, however deep (a submodel, a list or a mapping of them)."""

from __future__ import annotations

import pytest
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from healthsite.validation import problems_from
from healthsite.yamlfile import parse_with_lines


class Dose(BaseModel):
    model_config = ConfigDict(extra="forbid")

    amount: int = Field(description="a whole number of milligrams, e.g. 50")
    per: str = Field(description="how often, e.g. day")


class Drug(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="the drug's generic name")
    # Optional, as a translated page's findings are (healthsite/pages/translated.py).
    doses: list[Dose] | None = Field(None, description="each dose, as 'amount:' and 'per:'")
    usual: Dose | None = Field(None, description="the usual dose")
    by_age: dict[str, Dose] | None = Field(None, description="doses by age group")
    brands: list[str] = Field(default_factory=list, description="brand names, e.g. [Tylenol]")


def messages(yaml_text: str) -> list[str]:
    written, lines = parse_with_lines(yaml_text, "data/drugs.yml")
    with pytest.raises(ValidationError) as raised:
        Drug.model_validate(written)
    problems = problems_from(raised.value, Drug, "data/drugs.yml", lines, whole="drug")
    return [str(problem) for problem in problems]


@pytest.mark.parametrize(
    ("yaml_text", "message"),
    [
        # Inside a list of models: the item's fields, not the outer model's.
        (
            "name: x\ndoses:\n  - amount: 5\n    per: day\n"
            "  - amount: 5\n    per: day\n    often: 2\n",
            "data/drugs.yml:7: doses.1.often: is not a known field; use one of: amount, per",
        ),
        (
            "name: x\ndoses:\n  - amount: five\n    per: day\n",
            "data/drugs.yml:3: doses.0.amount: Input should be a valid integer, unable to parse "
            "string as an integer; expected a whole number of milligrams, e.g. 50",
        ),
        (
            "name: x\ndoses:\n  - amount: 5\n",
            "data/drugs.yml:3: doses.0.per: is missing; expected how often, e.g. day",
        ),
        # An optional submodel, and a mapping of them (by a key the editor chose).
        (
            "name: x\ndoses: []\nusual:\n  amount: 5\n  per: day\n  every: 2\n",
            "data/drugs.yml:6: usual.every: is not a known field; use one of: amount, per",
        ),
        (
            "name: x\ndoses: []\nby_age:\n  child:\n    amount: 5\n",
            "data/drugs.yml:4: by_age.child.per: is missing; expected how often, e.g. day",
        ),
        # An item of a list of plain values: the list field's own description.
        (
            "name: x\ndoses: []\nbrands: [A, 3]\n",
            "data/drugs.yml:3: brands.1: Input should be a valid string; expected brand "
            "names, e.g. [Tylenol]",
        ),
        # The outer model's own fields, as before.
        (
            "name: x\ndoses: []\ncolour: red\n",
            "data/drugs.yml:3: colour: is not a known field; use one of: name, doses, usual, "
            "by_age, brands",
        ),
        ("- x\n", "data/drugs.yml:1: drug: Input should be a valid dictionary or instance of Drug"),
    ],
)
def test_expected_names_the_fields_of_the_model_the_mistake_is_in(
    yaml_text: str, message: str
) -> None:
    assert messages(yaml_text) == [message]
