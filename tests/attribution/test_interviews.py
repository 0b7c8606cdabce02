"""Q&A interviews: answers marked with the interviewee's name are credited to the interviewee."""
from __future__ import annotations

INTERVIEW = (
    "The Harbour Review asked Lena Okafor, who runs the port of Tallis, about the new quay.\n\n"
    "The Harbour Review: Why does the port need a second quay?\n\n"
    "Lena Okafor: Ships wait for days at the entrance. I think the second quay will end that, and we "
    "expect it to open before the winter.\n\n"
    "The Harbour Review: What do the captains say?\n\n"
    "Ms Okafor: They told me the delays cost them more than the fees. I believe them."
)


def test_answers_with_nested_cues_stay_credited_to_the_interviewee(nlp):
    doc = nlp(INTERVIEW)
    answers = [a for a in doc._.attributions if a.cue_lemma == ":" and a.content_text.startswith(("Ships", "They told"))]
    assert [a.content_text[:20] for a in answers] == ["Ships wait for days ", "They told me the del"]
    assert all(a.speaker is not None and a.speaker.name == "Lena Okafor" for a in answers)
