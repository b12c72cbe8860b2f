"""The labeller's examples: every pattern of figure the war-labels issue named, and the
negatives it must not label. They run as tests (tests/test_about.py), as the dimensions'
examples do."""

from __future__ import annotations

from ..dimensions import Example

EXAMPLES = [
    # Measures: prisoners, refugees and displaced people, places attacked, equipment lost,
    # bodies returned.
    Example("Russia and Ukraine exchanged 95 prisoners of war on Friday", span="95 prisoners of war",
            category="casualties", measure="captured", subject="prisoners of war"),
    Example("Kyiv said 230 Russian soldiers had been taken prisoner", span="230 Russian soldiers",
            category="casualties", measure="captured"),
    Example("More than 6 million refugees have left the country", span="More than 6 million refugees",
            category="casualties", measure="displaced"),
    Example("some 3.7 million people are internally displaced", span="some 3.7 million people",
            category="casualties", measure="displaced"),
    Example("Russian forces shelled 15 settlements in Kharkiv Oblast", span="15 settlements",
            category="damage", measure="attacked"),
    Example("Russia lost 12 tanks and 3 helicopters near Vuhledar", span="12 tanks",
            category="damage", measure="destroyed"),
    Example("Russia lost 12 tanks and 3 helicopters near Vuhledar", span="3 helicopters",
            category="damage", measure="destroyed"),
    Example("Ukraine received the bodies of 62 soldiers", span="62 soldiers",
            category="casualties", measure="killed"),
    Example("62 bodies were returned to Ukraine", span="62 bodies", category="casualties", measure="killed"),
    # Every measure of the vocabulary.
    Example("Russia launched 90 missiles overnight", span="90 missiles", category="attacks",
            measure="launched"),
    Example("Ukrainian air defences shot down 20 drones", span="20 drones", category="attacks",
            measure="intercepted"),
    Example("The strike damaged 12 buildings", span="12 buildings", category="damage", measure="damaged"),
    Example("40 homes were damaged or destroyed", span="40 homes", category="damage",
            measure="damaged_or_destroyed"),
    Example("as many as 40,000 troops killed, wounded, or missing", span="as many as 40,000 troops",
            category="casualties", measure="casualties"),
    Example("three soldiers are missing after the attack", span="three soldiers", category="casualties",
            measure="missing"),
    # Not war: deaths in an accident or a disaster.
    Example("Extreme storms leave two dead in Bolivia", span="two", category="other"),
    # Materiel given as aid.
    Example("the package includes 45 patrol boats and over 300 trucks", span="45 patrol boats",
            category="aid", aid_kind="military"),
    Example("the package includes 45 patrol boats and over 300 trucks", span="over 300 trucks",
            category="aid", aid_kind="military"),
    Example("we will deliver hundreds of thousands of additional artillery rounds",
            span="hundreds of thousands of additional artillery rounds", category="aid", stage="pledged"),
    # Aid money without "aid" beside it.
    Example("at least €2 billion has been provided to Kyiv for its power grid", span="at least €2 billion",
            category="aid", recipient="Kyiv", stage="delivered"),
    Example("€120 million for Ukraine and €6 million for Georgia", span="€120 million",
            category="aid", recipient="Ukraine"),
    Example("€120 million for Ukraine and €6 million for Georgia", span="€6 million",
            category="aid", recipient="Georgia"),
    Example("over $150bn (€130bn) in aid", span="over $150bn", category="aid"),
    Example("over $150bn (€130bn) in aid", span="€130bn", category="aid", qualifier="more_than",
            low=130e9),
    # Elided nouns.
    Example("12 civilians were killed and 45 wounded", span="45", category="casualties",
            measure="wounded", subject="civilians"),
    Example("the strike killed 3 and injured 45", span="3", category="casualties", measure="killed"),
    Example("the strike killed 3 and injured 45", span="45", category="casualties", measure="wounded"),
    Example("45 were injured", span="45", category="casualties", measure="wounded"),
    Example("The regional governor said 27 dead.", span="27", category="casualties", measure="killed"),
    Example("Dozens of civilians (at least 40) were killed", span="at least 40",
            category="casualties", measure="killed", subject="civilians"),
    Example("one man was killed in the shelling", span="one man", category="casualties",
            measure="killed"),
    # Soldiers killed, wounded, captured or treated are casualties, not troops.
    Example("30 soldiers were wounded", span="30 soldiers", category="casualties", measure="wounded"),
    Example("45 servicemen were treated in hospital", span="45 servicemen", category="casualties",
            measure="wounded"),
    Example("Ukrainian forces captured 12 Russian soldiers", span="12 Russian soldiers",
            category="casualties", measure="captured"),
    Example("some 10,000 North Korean troops were deployed", span="some 10,000 North Korean troops",
            category="troops"),
    # Multi-word heads.
    Example("Germany sent 18 self-propelled guns", span="18 self-propelled guns", category="aid"),
    Example("destroyed 40 armoured personnel carriers", span="40 armoured personnel carriers",
            category="damage", measure="destroyed"),
    Example("Ukraine has received two air defence systems", span="two air defence systems",
            category="aid"),
    Example("Germany delivered 8 Leopard 2 tanks", span="8 Leopard 2 tanks", value=8, category="aid"),
    # Weapon reach written other ways.
    Example("The Neptune missile can hit targets 250 km away", span="250 km", category="weapon_range",
            subject="Neptune missile"),
    Example("The Storm Shadow, which Britain supplied last year, has a range of about 250km",
            span="about 250km", category="weapon_range", subject="Storm Shadow"),
    # Pairs agree.
    Example("The missile has a range of over 1,100 kilometres (680 miles)", span="680 miles",
            qualifier="more_than", low=680, category="weapon_range"),
    Example("Britain has pledged aid of more than $6bn (£4.7bn)", span="£4.7bn", qualifier="more_than",
            category="aid", donor="Britain"),
    # Donors and recipients.
    Example("Ukraine's Nordic partners pledged 12 billion euros", span="12 billion euros",
            category="aid", donor=None, recipient="Ukraine", stage="pledged"),
    Example("Since Russia's invasion began, the Commission has allocated €45 billion in aid",
            span="€45 billion", category="aid", donor="Commission", stage="allocated"),
    Example("since russia's invasion began, the commission has allocated €45 billion in aid to ukraine",
            span="€45 billion", category="aid", donor="commission", recipient="ukraine"),
    Example("As the U.S. has already provided $175 billion in aid to Ukraine", span="$175 billion",
            category="aid", donor="U.S.", recipient="Ukraine", stage="delivered"),
]

NEGATIVES = [
    "Support us: donate $5 a month",
    "Russia has only 229 Kalibr missiles left",
    "The company reported a profit of $5 million.",
    "a HIMARS strike on an ammunition depot approximately 60 km east of the city",
    "killed in 2014",
]
