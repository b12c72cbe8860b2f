"""The labeller's examples: every pattern of figure the war-labels issue named, and the
negatives it must not label. They run as tests (tests/test_about.py), as the dimensions'
examples do."""

from __future__ import annotations

import datetime as dt

from ..dimensions import Example

# The day the documents of the examples below are reported, where they need one.
MAY_20_2024 = dt.date(2024, 5, 20)

EXAMPLES = [
    # Measures: prisoners, refugees and displaced people, places attacked, equipment lost,
    # bodies returned.
    Example("Russia and Ukraine exchanged 95 prisoners of war on Friday", span="95 prisoners of war",
            category="casualties", measure="captured", subject="prisoners of war"),
    Example("Kyiv said 230 Russian soldiers had been taken prisoner", span="230 Russian soldiers",
            category="casualties", measure="captured"),
    Example("More than 6 million refugees have left Ukraine since the invasion", span="More than 6 million refugees",
            category="casualties", measure="displaced"),
    Example("some 3.7 million people are internally displaced by the war", span="some 3.7 million people",
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
    Example("40 homes were damaged or destroyed in Kharkiv", span="40 homes", category="damage",
            measure="damaged_or_destroyed"),
    Example("as many as 40,000 troops killed, wounded, or missing", span="as many as 40,000 troops",
            category="casualties", measure="casualties"),
    Example("three soldiers are missing after the attack", span="three soldiers", category="casualties",
            measure="missing"),
    # Not war: deaths in an accident or a disaster.
    Example("Extreme storms leave two dead in Bolivia", span="two", category="other"),
    # Materiel given as aid.
    Example("the package for Ukraine includes 45 patrol boats and over 300 trucks", span="45 patrol boats",
            category="aid", aid_kind="military"),
    Example("the package for Ukraine includes 45 patrol boats and over 300 trucks", span="over 300 trucks",
            category="aid", aid_kind="military"),
    Example("we will deliver hundreds of thousands of additional artillery rounds to Ukraine",
            span="hundreds of thousands of additional artillery rounds", category="aid", stage="pledged"),
    # Aid money without "aid" beside it.
    Example("at least €2 billion has been provided to Kyiv for its power grid", span="at least €2 billion",
            category="aid", recipient="Ukraine", stage="delivered"),  # one name per actor
    Example("€120 million for Ukraine and €6 million for Georgia", span="€120 million",
            category="aid", recipient="Ukraine"),
    Example("€120 million for Ukraine and €6 million for Georgia", span="€6 million",
            category="aid", recipient="Georgia"),
    Example("over $150bn (€130bn) in aid to Ukraine", span="over $150bn", category="aid"),
    Example("over $150bn (€130bn) in aid to Ukraine", span="€130bn", category="aid", qualifier="more_than",
            low=130e9),
    # Elided nouns.
    Example("In Kharkiv 12 civilians were killed and 45 wounded", span="45", category="casualties",
            measure="wounded", subject="civilians"),
    Example("the strike on Odesa killed 3 and injured 45", span="3", category="casualties", measure="killed"),
    Example("the strike on Odesa killed 3 and injured 45", span="45", category="casualties", measure="wounded"),
    Example("45 were injured in Kherson", span="45", category="casualties", measure="wounded"),
    Example("The governor of Donetsk Oblast said 27 dead.", span="27", category="casualties", measure="killed"),
    Example("Dozens of civilians (at least 40) were killed in Gaza", span="at least 40",
            category="casualties", measure="killed", subject="civilians"),
    Example("one man was killed in the shelling", span="one man", category="casualties",
            measure="killed"),
    # Soldiers killed, wounded, captured or treated are casualties, not troops.
    Example("30 soldiers were wounded", span="30 soldiers", category="casualties", measure="wounded"),
    Example("45 servicemen were treated in hospital", span="45 servicemen", category="casualties",
            measure="wounded"),
    Example("Ukrainian forces captured 12 Russian soldiers", span="12 Russian soldiers",
            category="casualties", measure="captured"),
    Example("some 10,000 North Korean troops were deployed to Russia", span="some 10,000 North Korean troops",
            category="troops"),
    # Multi-word heads.
    Example("Germany sent 18 self-propelled guns to Ukraine", span="18 self-propelled guns", category="aid"),
    Example("Ukraine destroyed 40 armoured personnel carriers", span="40 armoured personnel carriers",
            category="damage", measure="destroyed"),
    Example("Ukraine has received two air defence systems", span="two air defence systems",
            category="aid"),
    Example("Germany delivered 8 Leopard 2 tanks to Kyiv", span="8 Leopard 2 tanks", value=8, category="aid"),
    # Weapon reach written other ways.
    Example("Ukraine's Neptune missile can hit targets 250 km away", span="250 km", category="weapon_range",
            subject="Neptune missile"),
    Example("The Storm Shadow, which Britain supplied to Ukraine last year, has a range of about 250km",
            span="about 250km", category="weapon_range", subject="Storm Shadow"),
    # Pairs agree.
    Example("The Russian missile has a range of over 1,100 kilometres (680 miles)", span="680 miles",
            qualifier="more_than", low=680, category="weapon_range"),
    Example("Britain has pledged aid to Ukraine of more than $6bn (£4.7bn)", span="£4.7bn", qualifier="more_than",
            category="aid", donor="United Kingdom"),
    # Donors and recipients.
    Example("Ukraine's Nordic partners pledged 12 billion euros", span="12 billion euros",
            category="aid", donor=None, recipient="Ukraine", stage="pledged"),
    Example("Since Russia's invasion began, the Commission has allocated €45 billion in aid",
            span="€45 billion", category="aid", donor="European Commission", stage="allocated"),
    Example("since russia's invasion began, the commission has allocated €45 billion in aid to ukraine",
            span="€45 billion", category="aid", donor="European Commission", recipient="Ukraine"),
    Example("As the U.S. has already provided $175 billion in aid to Ukraine", span="$175 billion",
            category="aid", donor="United States", recipient="Ukraine", stage="delivered"),
    # Which war, where and when (issue 23): the conflict from the clause, the sentence, the
    # paragraph, the title, the document, the document's date choosing among them.
    Example("Russian strikes on Kharkiv killed 12 people overnight", span="12 people", category="casualties",
            conflict="russia-ukraine", place="geonames:706483", place_text="Kharkiv",
            period_start=dt.date(2024, 5, 19), period_end=MAY_20_2024, published=MAY_20_2024),
    Example("More than 34,000 Palestinians have been killed since October 7", span="More than 34,000 Palestinians",
            category="casualties", measure="killed", conflict="israel-hamas",
            period_start=dt.date(2023, 10, 7), period_end=MAY_20_2024, published=MAY_20_2024),
    Example("The Houthis fired 3 anti-ship missiles at a tanker in the Red Sea", span="3 anti-ship missiles",
            category="attacks", conflict="red-sea-houthis", place="area:red-sea", published=MAY_20_2024),
    Example("At least 56 people were killed in El Fasher last week", span="At least 56 people",
            category="casualties", conflict="sudan", place_text="El Fasher",
            period_start=dt.date(2024, 5, 13), period_end=dt.date(2024, 5, 19), published=MAY_20_2024),
    # Aid is where its recipient is, whatever place the sentence names first; a weapon's
    # range is of no place.
    Example("Under the laws of the United States of America, I direct the drawdown of up to $400 million in "
            "defense articles to provide assistance to Ukraine", span="up to $400 million", category="aid",
            place="UA", place_text="Ukraine", published=MAY_20_2024),
    Example("The United States will provide $50 million in humanitarian aid into Gaza", span="$50 million",
            category="aid", place="area:gaza-strip", published=MAY_20_2024),
    Example("The ATACMS missiles have a range of up to 300 km and will strike targets in Ukraine's occupied south",
            span="up to 300 km", category="weapon_range", place=None, published=MAY_20_2024),
    # A country names more than one war: Israel's in 2024 is the one the paragraph names most.
    Example("Israel has struck Gaza and Rafah again. Israel said 20 militants were killed", span="20 militants",
            category="casualties", conflict="israel-hamas", published=MAY_20_2024),
    # The title names the war; the figure's sentence does not.
    Example("Officials said 300 wounded were treated in field hospitals", span="300", category="casualties",
            conflict="sudan", title="Fighting between the army and the RSF spreads in Sudan", published=MAY_20_2024),
    # A date long before the war: no conflict being fought then is named.
    Example("12 people were killed in Kharkiv", span="12 people", category="other", published=dt.date(2010, 5, 1)),
    Example("since the start of the full-scale invasion, 10,000 civilians have been killed in Ukraine",
            span="10,000 civilians", category="casualties", conflict="russia-ukraine",
            period_start=dt.date(2022, 2, 24), period_end=MAY_20_2024, published=MAY_20_2024),
    # Aid to a party at war stays aid; money that no conflict ties to is other, whatever its size.
    Example("The United States announced $275 million in security assistance for Ukraine", span="$275 million",
            category="aid", conflict="russia-ukraine", published=MAY_20_2024),
    Example("USAID announced $53 million in humanitarian aid for Gaza", span="$53 million",
            category="aid", conflict="israel-hamas", published=MAY_20_2024),
    Example("We invested $6 billion in clean energy grants for tribal communities", span="$6 billion",
            category="other", published=MAY_20_2024),
    Example("the United States has donated $2 billion to COVAX to vaccinate the world", span="$2 billion",
            category="other", published=MAY_20_2024),
    # Soldiers killed or wounded are war casualties by themselves; troops need a war.
    Example("30 soldiers were wounded", span="30 soldiers", category="casualties", measure="wounded"),
    Example("The Pentagon sent 10,000 troops to the southern border", span="10,000 troops", category="other"),
    Example("Nearly 3 million veterans will get new benefits", span="Nearly 3 million veterans", category="other"),
    # Crime, riots and mass shootings are no war, unless the sentence names one; a terrorist
    # attack is political violence.
    Example("A gunman killed 10 people in a mass shooting in Monterey Park", span="10 people", category="other"),
    Example("Hamas murdered 1,200 people on October 7", span="1,200 people", category="casualties",
            measure="killed", conflict="israel-hamas", published=MAY_20_2024),
    Example("A terrorist attack at the airport killed 13 service members", span="13 service members",
            category="casualties", measure="killed"),
    # The clause reader (issue 26): past an apposition, a participle after the noun, a
    # Markdown link's target; a part takes its whole's labels ("including", "among them",
    # "of whom"), an item listed after an apposition the labels of the item before it.
    Example("17 people, among them four children, were killed in the Russian strike on Kharkiv",
            span="17 people", category="casualties", measure="killed", published=MAY_20_2024),
    Example("17 people, among them four children, were killed in the Russian strike on Kharkiv",
            span="four children", category="casualties", measure="killed", published=MAY_20_2024),
    Example("38 civilians wounded in the strike on Kherson were taken to hospital", span="38 civilians",
            category="casualties", measure="wounded", published=MAY_20_2024),
    Example("Nearly 400 Palestinians have been killed in the West Bank since October 7, including almost 100 children",
            span="almost 100 children", category="casualties", measure="killed", published=MAY_20_2024),
    Example("The shelling killed 9 soldiers and 3 medics in Donetsk", span="3 medics", category="casualties",
            measure="killed", published=MAY_20_2024),
    Example("The war killed more than 2,250 Palestinians, a majority of them civilians, and 73 Israelis",
            span="73 Israelis", category="casualties", measure="killed", published=MAY_20_2024),
    Example("a Ukrainian strike killed and wounded up to 100 Russian servicemen, 15 of whom were FSB personnel",
            span="15", category="casualties", measure="casualties", published=MAY_20_2024),
    Example("Hezbollah terrorists [killed](https://example.org/beirut-1983) 241 U.S. military personnel — "
            "including 220 U.S. Marines and 21 other service personnel — in a truck bombing",
            span="220 U.S. Marines", category="casualties", measure="killed", published=MAY_20_2024),
    Example("Hezbollah terrorists [killed](https://example.org/beirut-1983) 241 U.S. military personnel — "
            "including 220 U.S. Marines and 21 other service personnel — in a truck bombing",
            span="21 other service personnel", category="casualties", measure="killed", published=MAY_20_2024),
    Example("More than 1,300 innocent lives lost in Israel, including at least 27 Americans",
            span="at least 27 Americans", category="casualties", measure="killed", published=MAY_20_2024),
    # A noun that is a measure says it, whatever the clause's other words: lives lost are killed.
    Example("More than 1,300 innocent lives lost in Israel, including at least 27 Americans",
            span="More than 1,300 innocent lives", category="casualties", measure="killed", published=MAY_20_2024),
    Example("The shelling of Kharkiv resulted in 160 deaths and 267 injuries", span="267 injuries",
            category="casualties", measure="wounded", published=MAY_20_2024),
    Example("The Syrian Observatory said 12,000 residents will be displaced, including 2,500 fighters",
            span="2,500 fighters", category="casualties", measure="displaced", published=MAY_20_2024),
    # ... and not across its clause: a part of troops stays troops; a verb before a comma is
    # another clause's.
    Example("Russia deployed 5,000 troops, including 300 special forces, to the border with Ukraine",
            span="300 special forces", category="troops", published=MAY_20_2024),
    Example("When Islamic State fighters captured Kirkuk last October, hundreds of people poured on to the streets",
            span="hundreds of people", category="other", published=MAY_20_2024),
    # War or not, for casualties and troops (issue 26): prisoners of war and soldiers are war
    # casualties by themselves, and so are people killed where the sentence tells of armed
    # violence; soldiers who refuse to fight or desert, a unit's size, troops in drills are no
    # troops.
    Example("95 prisoners of war came home to Ukraine", span="95 prisoners of war", category="casualties",
            measure="captured", published=MAY_20_2024),
    Example("Gunmen attacked a convoy in Jowzjan and killed six staff", span="six staff", category="casualties",
            measure="killed"),
    Example("150 Buryat servicemen refused to fight and returned home", span="150 Buryat servicemen",
            category="other", published=MAY_20_2024),
    Example("Russian commanders are holding 9 mobilized soldiers who refuse to fight", span="9 mobilized soldiers",
            category="other", published=MAY_20_2024),
    Example("approximately 25 battalion tactical groups composed of 300 to 500 servicemen each",
            span="300 to 500 servicemen", category="other", published=MAY_20_2024),
    Example("About 3,000 troops to take part in missile force's drills in central Russia",
            span="About 3,000 troops", category="other", published=MAY_20_2024),
    # Damage (issue 26): the noun of an attack with its target ("strikes against", "assaults
    # on"), a measure in the counted phrase, sites and locations as places, and a breakdown of
    # what a strike destroyed across classes.
    Example("United States forces conducted discrete strikes against three facilities in Iraq",
            span="three facilities", category="damage", measure="attacked", published=MAY_20_2024),
    Example("16 people were killed in simultaneous Taliban suicide assaults on two security compounds in Kabul",
            span="two security compounds", category="damage", measure="attacked", published=MAY_20_2024),
    Example("Footage of the strike near Kherson shows two destroyed S-300 launchers",
            span="two destroyed S-300 launchers", category="damage", measure="destroyed", published=MAY_20_2024),
    Example("The Russian attack resulted in the deaths of civilians and targeted more than two dozen critical energy sites in Ukraine",
            span="more than two dozen critical energy sites", category="damage", measure="attacked",
            published=MAY_20_2024),
    Example("In their offensive Syrian troops have destroyed 15 depots, 43 armored fighting vehicles and 12 tanks",
            span="43 armored fighting vehicles", category="damage", measure="destroyed", published=MAY_20_2024),
    Example("Russian strikes damaged or destroyed 1,200 buildings in Kharkiv", span="1,200 buildings",
            category="damage", measure="damaged_or_destroyed", published=MAY_20_2024),
    # Tallies and partitives take the noun and measure of what they count; events counted in
    # times are attacks; a headline in title case is read as a sentence (issue 26).
    Example("The death toll in Gaza climbed to 4,300, the health ministry said", span="4,300",
            category="casualties", measure="killed", conflict="israel-hamas", published=MAY_20_2024),
    Example("The latest casualty raised the number of Turkish troops killed in the Syria offensive to 67",
            span="67", category="casualties", measure="killed", published=MAY_20_2024),
    Example("The number of displaced in Sudan has passed 2 million", span="2 million", category="casualties",
            measure="displaced", published=MAY_20_2024),
    Example("Ukraine's army will grow by 20,000 this year as the war goes on", span="20,000", category="troops",
            published=MAY_20_2024),
    Example("Hamas fighters took 40 people hostage; four of them were confirmed dead", span="40 people",
            category="casualties", measure="captured", published=MAY_20_2024),
    Example("Hamas fighters took 40 people hostage; four of them were confirmed dead", span="four",
            category="casualties", measure="killed", published=MAY_20_2024),
    Example("Russian shelling killed two of our soldiers near Bakhmut", span="two", category="casualties",
            measure="killed", published=MAY_20_2024),
    Example("Ukrainian air defenses shot down 60 of 76 Russian missiles", span="60", category="attacks",
            measure="intercepted", published=MAY_20_2024),
    Example("The town was shelled 300 times in a day by Russian forces", span="300 times", category="attacks",
            measure="launched", published=MAY_20_2024),
    Example("Russia violated the ceasefire 1,500 times, Ukraine said", span="1,500 times", category="attacks",
            measure="launched", published=MAY_20_2024),
    Example("Drone Attack Wounds Three Civilians in Odesa", span="Three Civilians", category="casualties",
            measure="wounded", published=MAY_20_2024),
    Example("Sudan: RSF Attack Kills Dozens Of Villagers In Darfur", span="Dozens Of Villagers",
            category="casualties", measure="killed", published=MAY_20_2024),
    Example("Army Says 85 Fighters Killed in Raid on Rebel Camp in Darfur", span="85 Fighters", category="casualties",
            measure="killed", published=MAY_20_2024),
    # Peoples' names count people (WordNet's capitalized persons); a participle after a comma
    # and a noun coordinated with the counted one go on with its clause; prisoners "from
    # prison" are captured; people of a nation serving in a war are troops (issue 26).
    Example("130,000 Syrians are reportedly still missing or detained in Syria", span="130,000 Syrians",
            category="casualties", measure="missing", published=MAY_20_2024),
    Example("The fighting in Darfur has uprooted 10 million Sudanese", span="10 million Sudanese",
            category="casualties", measure="displaced", published=MAY_20_2024),
    Example("Hamas freed 24 hostages and 300 Palestinian detainees, held by Israel, came home",
            span="24 hostages", category="casualties", measure="captured", published=MAY_20_2024),
    Example("That deal also released 5,000 Taliban fighters from prison in Afghanistan",
            span="5,000 Taliban fighters", category="casualties", measure="captured", published=MAY_20_2024),
    Example("after 20,744 American servicemen and women injured in Afghanistan", span="20,744 American servicemen",
            category="casualties", measure="wounded", published=dt.date(2021, 8, 31)),
    Example("after 800,000 Americans serving in Afghanistan, the war ends", span="800,000 Americans",
            category="troops", published=dt.date(2021, 8, 31)),
    Example("The fighting in Sudan has left 9 million internally displaced people",
            span="9 million internally displaced people", category="casualties", measure="displaced",
            published=MAY_20_2024),
    Example("The resistance killed 100 Russian personnel since the start of the war, including 30 since April 12",
            span="30", category="casualties", measure="killed", published=MAY_20_2024),
    Example("Putin faces mounting casualties – over 600,000 since the start of this war in Ukraine",
            span="over 600,000", category="casualties", measure="casualties", published=MAY_20_2024),
    Example("Israeli strikes or the dozens of Islamic Jihad rockets that reportedly fell inside Gaza",
            span="dozens of Islamic Jihad rockets", category="attacks", measure="launched", published=MAY_20_2024),
    # Aid: materiel a first person gives, and loans to a party that are to be paid back.
    Example("We have provided more than one million rounds of artillery ammunition to Ukraine's forces",
            span="more than one million rounds", category="aid", published=MAY_20_2024),
    Example("the United States will provide $20 billion in loans to Ukraine that will be paid back by the interest "
            "earned from immobilized Russian sovereign assets", span="$20 billion", category="aid",
            published=MAY_20_2024),
    # Coordination set off by commas, and a verb after the comma, go on with the clause.
    Example("13 proud and patriotic American service members, as well as more than 100 innocent Afghan civilians, "
            "were killed in a terrorist attack at Abbey Gate", span="13 proud and patriotic American service members",
            category="casualties", measure="killed", published=MAY_20_2024),
    Example("13 proud and patriotic American service members, as well as more than 100 innocent Afghan civilians, "
            "were killed in a terrorist attack at Abbey Gate", span="more than 100 innocent Afghan civilians",
            category="casualties", measure="killed", published=MAY_20_2024),
    Example("Reunified eight children and their families displaced by the Russia-Ukraine conflict",
            span="eight children", category="casualties", measure="displaced", published=MAY_20_2024),
    # A relative clause says what befell the figure's own, even after "of the"; soldiers
    # who made the ultimate sacrifice, militants a strike took out, are dead.
    Example("We offer our condolences to the families of the nine soldiers who lost their lives in this attack",
            span="nine soldiers", category="casualties", measure="killed", published=MAY_20_2024),
    Example("We will never forget the 7,054 American troops who made the ultimate sacrifice in Iraq and Afghanistan",
            span="7,054 American troops", category="casualties", measure="killed", published=MAY_20_2024),
    Example("CENTCOM announced a strike that took out five militants attempting to attack us with UAVs",
            span="five militants", category="casualties", measure="killed", published=MAY_20_2024),
    Example("Of the seven U.S. personnel injured during the attack, two have been returned to duty",
            span="seven U.S. personnel", category="casualties", measure="wounded", published=MAY_20_2024),
    # Past an apposition, a cue after another figure is that figure's.
    Example("Hamas committed the worst atrocity—killing 1,200 innocent people, including 44 Americans, taking 240 people hostage",
            span="1,200 innocent people", category="casualties", measure="killed", published=MAY_20_2024),
    Example("150 warships across 16 classes have been destroyed in the war with Iran", span="150 warships", category="damage",
            measure="destroyed", published=MAY_20_2024),
    # Lives are the dead where they are lost, taken or mourned (issue 23).
    Example("the war in eastern Ukraine has claimed more than 14,000 Ukrainian lives",
            span="more than 14,000 Ukrainian lives", category="casualties", measure="killed", published=MAY_20_2024),
    Example("Hamas's attack on Israel took the lives of more than 1,300 people", span="more than 1,300 people",
            category="casualties", measure="killed", published=MAY_20_2024),
    # A war the document names far from the figure: the displaced and the dead of a violent
    # sentence take it (a briefing's answer far from its question).
    Example("MS. PSAKI: Good afternoon. I have two items at the top.\n\nQ: What is the latest on the Russian invasion of Ukraine?\n\nMS. PSAKI: We are watching it.\n\n"
            "Q: And on the evacuations?\n\nMS. PSAKI: Millions of people have been displaced.",
            span="Millions of people", category="casualties", measure="displaced", published=MAY_20_2024),
    Example("MS. PSAKI: Good afternoon. I have two items at the top.\n\nQ: What is the latest on the Russian invasion of Ukraine?\n\nMS. PSAKI: We are watching it.\n\n"
            "Q: And the weekend?\n\nMS. PSAKI: An attack that claimed three of their lives, at a base in Jordan.",
            span="three", category="casualties", measure="killed", published=MAY_20_2024),
]

NEGATIVES = [
    # No war (issue 23): disease, overdoses, disasters, accidents, pollution, childbirth, money
    # or jobs lost, admission quotas, civilian staff, labour strikes, missile tests.
    "COVID-19 has killed more than 800,000 Americans",
    "More than 100,000 people died of drug overdoses last year",
    "The grid failure killed at least 111 people in Texas",
    "Air pollution kills 7 million people a year",
    "Hundreds of women die in childbirth every year",
    "3.6 million Americans lost coverage",
    "The refugee admissions cap was set at 125,000",
    "DHS hired 1,600 asylum officers",
    "Writers and actors went on strike: two strikes in Hollywood",
    "North Korea launched 3 ballistic missiles in a test",
    "A tornado damaged 200 homes in Kentucky",
    "Rioters injured 140 police officers at the Capitol",
    "Support us: donate $5 a month",
    "Russia has only 229 Kalibr missiles left",
    "The company reported a profit of $5 million.",
    "a HIMARS strike on an ammunition depot approximately 60 km east of the city",
    "killed in 2014",
    "We are ramping up our assistance to these earthquakes that have now killed more than 20,000 people in Syria",
    "Last year, one single heat event in India killed more than 100 people",
    "The company opened two new sites and 40 locations in Texas",
    "The number of cases reached 2 million",
    "Prices are three times higher than before the war",
    "Ranging from vandalism to arson, more than 900 attacks on refugee centers were recorded in Germany",
    "The Budget supports the resettlement of up to 125,000 refugees",
    "We secured the release of 16 unjustly detained prisoners held by the Russian government, including four Americans",
    "Ukrainian forces in the Azovstal factory refused a Russian ultimatum to surrender by 1pm local time",
    "the number of dead Wagner personnel was three times the number of wounded",
    "Russian forces entered the town at 1530 local time",
    # Money and refugees of peace beside a war (issue 26): disasters in the plural, a
    # disease fought, food security assistance (no arms), global totals, migrants at sea.
    "Russia's invasion of Ukraine goes on. We pledged $85 million in assistance to the people of Turkey and Syria, "
    "following the devastating February 6th earthquakes.",
    "Russia's invasion of Ukraine goes on.\n\n**Fighting COVID-19**: The United States has provided approximately "
    "$55 million in COVID-19 related assistance to Ukraine.",
    "Russia's invasion of Ukraine goes on. The President is announcing $331 million for humanitarian assistance, "
    "food security assistance, and disaster risk reduction assistance in the Americas.",
    "Russia's invasion of Ukraine goes on. President Biden announced an additional $2 billion in global humanitarian "
    "assistance through USAID.",
    "The war in Syria drags on. Human traffickers often cram hundreds of refugees into small boats.",
    "Russia's invasion of Ukraine goes on. The admission of up to 15,000 refugees remains justified.",
    "The war in Sudan goes on. Support matters in the countries housing the more than six million refugees and migrants.",
    # Troops who served are a count of service, as veterans are.
    "Since the war in Afghanistan began, hundreds of thousands of American troops who served there came home",
    # Lives that are not lost, jobs that are (issue 23).
    "Russia's war in Ukraine goes on. Millions of Americans had lost their jobs.",
    "His agenda has improved the lives of millions of Americans",
    "Congress should invest $12 billion in women's health research to benefit millions of lives",
    "we're talking about millions and millions of lives at stake here",
    # The dead and hurt of a sentence of peace, in a document that names a war far from it.
    "MS. PSAKI: Good afternoon. I have two items at the top.\n\nQ: What is the latest on the Russian invasion of Ukraine?\n\nMS. PSAKI: We are watching it.\n\n"
    "Q: And the recall?\n\nMS. PSAKI: A factory in Michigan had tainted formula that killed two babies.",
    "MS. PSAKI: Good afternoon. I have two items at the top.\n\nQ: What is the latest on the Russian invasion of Ukraine?\n\nMS. PSAKI: We are watching it.\n\n"
    "Q: And the pandemic?\n\nMS. PSAKI: We have seen a million Americans losing their lives.",
]
