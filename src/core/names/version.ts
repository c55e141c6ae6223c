// The version of the names rules. Bump it whenever the extraction or the resolution rules change what they
// produce for the same texts: cached extractions and cached entity indexes made under other rules are then
// computed again instead of being adopted.
//   2: headline words read as the corpus's names; web addresses no ordinary words; person cues ", who" and ages.
//   3: a group's or paper's tail ("Herald", "Red Sox") joins the full name its article gives; a surname that is an
//      ordinary word stays a name beside its full name; a title written as a sentence is read as prose.
//   4: a line in capitals gives the names the rest of the corpus uses (its stretches go with the heading stretches);
//      a headline run into the body is a stretch of its own (no name runs on across its end); a dateline in capitals
//      is read as a heading stretch.
//   5: a capitalised run of ordinary words ("Mark Felt", "Deep Throat") stays a name when cued or recurring; short
//      forms read in their article's context (nested names are one person; a given name and a surname used apart
//      complete each other; a first name that is also a town opens a full name); "Albu"/"Abou"/"Bou" are "Abu",
//      "ch" is "sh", a word-initial "x" is "kh"; a word's length as written decides whether it is short; a glued
//      run splits at an article written apart ("al Rai"); a place is never stated equal to a group or person; a
//      place written as a word beside an acronym of the same spelling ("Sana"/"SANA") is another entity; a given
//      name opening two other people's names keeps a two-word name whole; an acronym joins the far commonest of
//      several expansions; a name followed by its initials ("… Commission SRGC") is split and joined to them; a
//      titled run sheds a place, group or acronym glued to a person's full name; a stated nickname opens the
//      person's full name ("Katie Jenkin" for "Kathryn Jenkin, known as Katie"); only full names outvote;
//      "Faylaq"/"Corps" translate one another in group names; "Dahiyet"/"Jisr"/"Qalaat"/"Qaryat" open place names;
//      a bare given name that is also a short group name ("Manar") is the person its article names in full.
//   6: the name scanner's whitespace is the core's one set (kit/chars: NEL and the zero-width space separate words),
//      so a cached extraction of a text holding either is made again.
//   7: police, court and coaching titles ("Sheriff", "Deputy", "Attorney", "Coach") are stripped from names; a middle
//      initial and its full stop stay inside a name and end no sentence ("George W. Bush"); a one-word surname in
//      -ing from the known list opens a sentence as a name ("Manning threw"); a surname alone in an article that
//      names none of its bearers goes to the one whose coverage names what the article names; a hyphen before a
//      function word ends a name ("Horton-who"); headline words split at a hyphen before a capital; one word's
//      spellings ending full names of other kinds stay apart, and a short form spelled as some full name ends
//      joins only such full names ("Lyons" / "Lions"); outlet names are organisations; "the town of X" and a place
//      noun after a name make places; "and" inside "<head> of <country> and the <region>"; a place opening a run is
//      no given name; a quoted or bracketed nickname is inside one full name; a surname alone goes to the one
//      bearer the story has named so far.
//   8: a one-word name followed by a speech verb ("White said") is kept as a mention, its capital no sentence's,
//      when the corpus names a person in full with that surname, though the word is also an ordinary lower-case one.
//   9: a single-quoted nickname closed by an apostrophe the tokenizer set aside is inside the name ("Vincent 'Chin'
//      Gigante"), a quoted label before a full name is not ("Watergate 'Bagman' Fred LaRue"); a title-cased heading's
//      "given 'nickname' surname" is one name when the prose names that given name and surname; an article that is
//      only its title has its names read.
//  10: a name alone on its line under the title (read as the byline) is read in heading mode.
//  11: a capitalised plural after "the" mid-sentence that ends names the corpus writes after "the" ("the Heels" after
//      "the Tar Heels") stays a name, though also an ordinary word.
//  12: a singular "mountain"/"hill" after a name is part of it ("al-Rai mountain" is not the town al-Rai); a glued
//      run splits into parts the corpus knows under other spellings ("Nour El Din El Zinki Yasser Al Youssef").
//  13: "party", "movement", "organisation" after a name are strong organisation cues; a name called a place by head
//      nouns in some articles and an organisation in others is two entities ("al-Baath city", "Baath party"); a short
//      name placed only by weak cues and mostly written after "the" may be a team's ("the Colts"); b/v are
//      look-alike consonants; "<head> for the X of Y" is one organisation name (the OPCW, OCHA); an opening
//      vowel dropped after the article is one spelling ("al-Ashrafiyeh"/"al-Shrafiyeh").
//  14: a dateline in capitals run into a flattened paragraph ("(AFP photo) BEIRUT Thirteen", "said. MOSCOW (Sputnik)")
//      or opening one before the story's first word is read as a heading stretch; a spelling of five capitals or more
//      is shown as an entity's name only when no spelling with a lower-case letter exists.
//  15: inside a name of several words, British spellings of common English words are keyed as American ones
//      ("Aleppo Media Centre" = "Aleppo Media Center", "Kodak Theatre" = "Kodak Theater"); "defence" is left to the
//      transliteration folding, which already joins it (keying it split "Civil Defence" off the White Helmets). A
//      spelling in capitals is no "also written" form when the same letters are written otherwise ("MOSCOW").
//  17: an outlet's or company's name with and without a closing word is one ("Sputnik News"/"Sputnik", "Microsoft
//      Corp"/"Microsoft"); a translation stated once each for two names goes to the one the texts do not state more
//      often as something else ("Jaysh al-Fateh (Army of Conquest)" beside "Jaysh al-Islam (Army of Islam)"); a
//      group's or place's first word alone is its one longer name where most stories using it name that in full
//      ("Morningside" / "Morningside Recovery", "Golan" / "Golan Heights"); two neighbouring letters swapped in a
//      long word are one spelling ("Klistchko" / "Klitschko"); an organisation written without a qualifying inner
//      word is the one full name beside it or whose own stories these are ("Syrian Coalition" in the Syrian
//      National Coalition's, "Syrian Army" / "Syrian Arab Army").
//  18: an outlet named in its own stories after a lower-case word or with a possessive ("told The New Arab", "The
//      New Arabs correspondent") is a mention of it, though its words are ordinary ones.
//  19: an outlet's names with two closing words ("Al-Alam News Network") or with different closing words whose rest
//      is never written alone ("al-Alam TV") are one.
//  20: a group's tail that opens with a nationality ("Syrian Army") is not short for a longer name that puts another
//      word before it ("Free Syrian Army").
//  21: "in" joins an organisation named after two regions ("Islamic State in Iraq and the Levant"); what follows a
//      group name's connector is what it is of or for, no short name of it ("Levant", "Human Rights").
//  22: an undefined acronym joins the name (not a person's) seen with it in most stories when no name of its
//      initials is named far more often than the others ("AP" / "Associated Press" beside "Aleppo Province").
//  23: the Arabic word opening a place's name, a vowel apart, is one spelling ("Kafr"/"Kafar"/"Kfar Hamra").
//  24: "-ish" after a vowel ends a transliterated name ("Asayish", "Daish"), not an adjective such as "Kurdish".
//  25: "Islamic State in Iraq and Levant" without "the" is read whole where the name visibly closes (a quotation mark
//      or bracket, an organisation noun after it).
//  26: a glued run sheds a word before a well-known name that only qualifies it (a nationality before a person's
//      full name, a word no text uses as a name before a group's, a closing word such as "TV"); an ordinary word
//      opening a known name is kept ("Siege White Helmets"); a country the lexicon names and an outlet's name with
//      its closing word are known parts; headline words keep "al-X" whole, end no name before a lower-case "al-",
//      and lose a closing dash ("REUTERS-").
//  27: "staff" is an organisation's head noun: "the Turkish General Staff" is an institution, not a titled "Staff".
//  28: a country the lexicon names is never page furniture ("Saudi Arabia" in a repeated sidebar headline); the
//      one-article update splits glued runs with its parts' kinds, as the full resolution does with their votes.
//  29: a name in the singular is the team or body its plural names ("an Indianapolis Colt stampede", "United Nation")
//      when the plural is written far more often and not as a person's name.
//  30: a wire credit ("Reporting by Oliver Holmes; Editing by …", "(Writing by …)") is read as prose, not as a
//      title-cased line: the journalists it names are mentions though no prose names them, people, described by
//      their credit ("Reuters reporter", "Reuters editor").
//  31: in a title written as a sentence (or a sentence repeating it, "One thought on “…”"), capitalised words the
//      article also writes in lower case are a headline's capitals ("… as his Dictatorship Falls"), read in heading
//      mode; a title glued to the first body sentence is read apart from it.
//  32: a word after an Arabic article ("al-Meridian", "al-Iraqi") and a long word in -vic ("Milosevic") are not read
//      as demonyms by their endings; the title of an article of one paragraph, taken from that paragraph, is not
//      read a second time (its names were counted twice).
//  33: a clock time's "AM"/"PM" and time zone ("8:13 AM PDT", "1900 GMT", "11am IST") are no name.
//  34: a spelling one outlet's page template repeats stays a name where two other outlets write it in their text
//      ("Summit in Tehran…" in TRT's sidebars; Tehran in The New Arab's and Al Arabiya's prose).
//  35: a word in "-ish" is a demonym only if listed ("Binnish" is a town); a last part in "-ic" after a capitalised
//      part is a surname ("Whitfield-Miocic").
//  36: a word of five or more capitals alone in prose, which the article never writes in lower case and not where a
//      dateline stands, is an acronym ("UNICEF said", "CENTCOM"); one the corpus writes in lower case is dropped.
//  37: the front matter's title line is read too when the page repeats the title above the story.
//  38: an Arabic article fused to a place's or group's first word ("Alommal", "Altibni") is that name without it;
//      such a spelling is not the display name where the name is also written without it.
//  39: a glued run of nothing but countries ("Bahrain Egypt Kuwait Saudi Arabia") is those countries.
//  40: a wire credit's list that lost its commas ("Editing by Gareth Jones Stephen Powell Lynne ODonnell and …") is
//      read as names of two words each; a credit on a line of its own is read as prose.
//  41: a short sentence inside a paragraph that is mostly capitals but says what happened in lower case ("The Kurdish
//      Red Crescent Society (Heyva Sor) also confirmed the reports.") is prose, not a headline.
//  42: a surname written exactly as the last word of the one person's full name given before it in its article is
//      that person's, where the corpus spells a place or group alike ("Harah" after "Khaled Harah", beside al-Hara).
//  43: a glued run's closing words stay when dropping them would leave the run ending in a connector ("Ashara Syrian
//      Observatory for Human Rights": "Human Rights" closes the Observatory's name).
//  44: a later word of a name ending in -eh/-ah matches it written without ("Khan Arnabeh"/"Khan-Arnab"), and a long
//      later word's opening vowel may differ ("Jadid Ekeidat"/"Jadid Akidat").
//  45: a title opens at the nationality (or a country's initials) when other words stand before it: "Geneva US
//      Secretary of State John Kerry" gives "US Secretary of State".
//  46: "academy" and "college" are organisation heads ("Al Assad Military Academy", "Boston College").
//  47: a nickname blended from the openings of a given name and surname ("LiLo") joins the one person of its
//      articles whose name opens so.
//  48: a given name spelled without its silent h is one person with the same surname ("Jon Owen" = "John Owen"),
//      where the two are never named in one article.
//  49: a surname an article already used alone for the one person it had named, before naming another of that
//      surname, goes on meaning that person ("McDermott" for Doug McDermott after his father Greg comes in).
//  50: a place the texts locate in two regions nothing relates ("al-Jaberiyeh village in Hama province", "al-Jabiriyeh
//      in Aleppo city") is one entity per region; extraction records "X in Y" between two names (`within`).
//  51: a capitalised "New" opens the name after it ("New York", "New Aleppo"; at a sentence's start not before a
//      demonym or acronym), and a name opening with "New" is no person by default.
//  52: a short capitalised sentence closed by "… said." is prose; a name glued to its role "of the" organisation
//      ("Peter Salama Executive Director of the WHO …") is the person with that role as title.
//  53: "Brigade", "Battalion" closed an armed unit's name as "News" closes an outlet's (taken back in 55: the
//      one-article update could not follow it for a unit named by one article only).
//  54: the organisation of a role glued after a name (v52) is a mention of its own too.
//  55: v53 taken back; a name of three words or more opening with "New" gets the person default again ("New
//      Orleans Saints" as "Orleans Saints" did), so the one-article update follows the full resolution there.
export const NAMES_RULES_VERSION = 55;
