"""Event typing of wire-style news beyond the Sahel briefs, through the real pipeline:
protests and how they were handled, who took ground, arrests made in raids, and
accidents or poisonings that are no conflict events. Team-written sentences."""

from __future__ import annotations

from datetime import date

import pytest

from conflictwatch.config import load_settings
from conflictwatch.extract import build_pipeline
from conflictwatch.model import Article


@pytest.fixture(scope="module")
def pipeline():
    return build_pipeline(load_settings({"progress": False}))


def sub_types(pipeline, text: str) -> list[str]:
    found = pipeline(Article("t", text, date(2020, 3, 2))).reports
    return [report.sub_event_type for report in sorted(found, key=lambda r: r.start)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Stun and smoke grenades are crowd control, not a grenade attack.
        (
            "Police used stun grenades and water cannons against demonstrators in Dakar on Sunday.",
            "Protest with intervention",
        ),
        # "Dispersal" names the intervention as "dispersed" does.
        (
            "The dispersal of a sit-in by teachers in Niamey on Monday angered the unions.",
            "Protest with intervention",
        ),
        (
            "Protests against fuel prices turned very violent in Ouagadougou on Friday.",
            "Violent demonstration",
        ),
        # A break-in by people the police dispersed with tear gas: they were a crowd.
        (
            "Police fired tear gas at activists who broke into the governor's office in Zinder "
            "on Sunday.",
            "Violent demonstration",
        ),
        # Detained while trying to protest: the arrests were the intervention.
        (
            "Six activists were detained by police in Bamako on Sunday while trying to hold "
            "demonstrations.",
            "Protest with intervention",
        ),
        # The state's raid named as the way the arrests were made: no fight.
        (
            "Soldiers conducted a raid in Kidal on Sunday and arrested seven people.",
            "Arrests",
        ),
        # Arrests told first, the raids only the way they were made.
        (
            "Occupation forces arrested forty people during large-scale raids in several "
            "villages on Tuesday.",
            "Arrests",
        ),
        # Militants who "abducted and detained" someone did not arrest them.
        (
            "Militants abducted and detained a school director near Pama on Sunday.",
            "Abduction/forced disappearance",
        ),
        # The noun naming who took ground decides, over the source's army.
        (
            "According to an army spokesman, militants gained control of the base in Boulkessi "
            "on Sunday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Opposition fighters retook the town of Saraqib from government forces on Sunday.",
            "Non-state actor overtakes territory",
        ),
        (
            "Troopers captured two rebel camps near Tessit on Sunday.",
            "Government regains territory",
        ),
        (
            "The army set up its 12th observation point near the border on Sunday.",
            "Headquarters or base established",
        ),
        (
            "AQIM set up training camps in the hills near Kidal on Sunday.",
            "Headquarters or base established",
        ),
        (
            "Special forces destroyed a house-borne improvised explosive device in Kandahar on "
            "Sunday.",
            "Disrupted weapons use",
        ),
        # The rallies are where the call was made: they took place.
        (
            "Hundreds of farmers called for lower fuel prices in rallies held in Segou on Sunday.",
            "Peaceful protest",
        ),
        (
            "Several hundred teachers gathered in the centre of Niamey on Sunday to demand "
            "their unpaid wages.",
            "Peaceful protest",
        ),
        # The dispute is the setting the killing happened in, not a fight of its own.
        (
            "Suspected Fulani militiamen shot dead a herder near Diffa on Sunday, reportedly "
            "in the context of a land dispute.",
            "Attack",
        ),
        # The attack the deaths happened in names who was hit: an army base.
        ("Dozens killed in attack on army base in Djibo", "Armed clash"),
        # Civilians named among the dead keep it an attack on civilians.
        ("Two drivers were shot dead in an attack on a supply convoy near Gao.", "Attack"),
        # The retaking is only the plan the crowd protested: no territory changed hands.
        (
            "Thousands took to the streets on Thursday to protest plans for a military "
            "intervention to reclaim the territory seized by armed groups in the north.",
            "Peaceful protest",
        ),
        # A weapon makes a sentence its own event, though a word reads as an intervention.
        (
            "Banned chlorine munitions were dropped on a neighbourhood of Aleppo on Sunday.",
            "Chemical weapon",
        ),
    ],
)
def test_news_sub_event_type(pipeline, text, expected):
    assert sub_types(pipeline, text)[:1] == [expected], text


@pytest.mark.parametrize(
    "text",
    [
        "Five people died after drinking alcohol containing toxins in Kano on Monday.",
        "Three workers died after a chemical spill at a factory in Lagos on Monday.",
        "Two children died after being poisoned by fumes from a pesticide in Kaduna on Monday.",
        "Dozens were hospitalised after a chlorine leakage at a water plant in Accra on Monday.",
        # A disease that claims lives, a trade war that hits a country: no violence.
        "It is endemic in Nigeria, with 2,800 cases reported this year, claiming 500 lives.",
        "New tariffs hit Canadian steel exports on Monday.",
        # A training camp people attend is no base set up.
        "On Monday, 30 bloggers from 25 countries took part in a training camp in Kano.",
    ],
)
def test_news_poisoning_or_spill_is_no_event(pipeline, text):
    assert sub_types(pipeline, text) == [], text


def test_militants_who_raid_and_detain_make_no_arrest(pipeline):
    text = "Militants carried out a raid on Kidal on Sunday and detained seven people."
    assert sub_types(pipeline, text) != ["Arrests"]


def test_marchers_who_attack_an_embassy_hold_a_violent_demonstration(pipeline):
    text = (
        "On Sunday, supporters of the junta demonstrated in Niamey and attacked the French "
        "embassy. Police dispersed them with tear gas."
    )
    (report,) = pipeline(Article("t", text, date(2023, 7, 31))).reports
    assert report.sub_event_type == "Violent demonstration"
    # The police faced the crowd; the junta it marched for is no side.
    assert report.actor2 == "Police Forces of Niger (2023-)"


def test_a_peaceful_protest_has_no_side_against_it(pipeline):
    # The marchers were policemen: the police are the crowd, not a side against it.
    text = "On Sunday, policemen staged a demonstration in Bobo-Dioulasso to demand pay."
    (report,) = pipeline(Article("t", text, date(2020, 3, 2))).reports
    assert report.sub_event_type == "Peaceful protest"
    assert report.actor2 is None
