"""bench.profile_stages times the CRF features where the model calls them."""
from __future__ import annotations


def test_profile_stages_times_the_feature_functions_the_model_module_calls():
    import onrecord.attribution.model as model_module
    from bench.profile_stages import _instrument, _Timers

    restore = _instrument(_Timers(), None)
    try:
        for name in ("doc_facts", "cue_state_scores", "role_state_scores", "role_window"):
            assert hasattr(getattr(model_module, name), "__wrapped__"), name
    finally:
        restore()
    assert not hasattr(model_module.cue_state_scores, "__wrapped__")
