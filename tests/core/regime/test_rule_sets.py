"""Every installed regime carries the rule sets the engines need."""

from __future__ import annotations

import pytest

import cooprules
from cooprules.capital import CapitalRules
from cooprules.membership import MembershipRules
from cooprules.reserves import ReserveRules

CATALOGUE = cooprules.load_regimes()


@pytest.mark.parametrize("code", CATALOGUE.codes())
@pytest.mark.parametrize("kind", [MembershipRules, CapitalRules, ReserveRules])
def test_regime_has_rule_set(code, kind):
    assert CATALOGUE.get(code).rule_set(kind) is not None


def test_french_reserves_are_indivisible_and_belgian_csa_ones_are_not_by_default():
    from cooprules_adapters.be import reserves as be  # noqa: PLC0415
    from cooprules_adapters.fr import reserves as fr  # noqa: PLC0415

    assert CATALOGUE.get("fr-cae-scop").rule_set(ReserveRules) is fr.SCOP_RESERVES
    assert CATALOGUE.get("fr-scic").rule_set(ReserveRules) is fr.SCIC_RESERVES
    assert CATALOGUE.get("be-cnc").rule_set(ReserveRules) is be.CSA_RESERVES
    assert CATALOGUE.get("be-activity").rule_set(ReserveRules) is be.SCES_RESERVES
