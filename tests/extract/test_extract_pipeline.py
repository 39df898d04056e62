"""The component registry: pipelines are checked when they are built."""

import pytest

from conflictwatch.extract.pipeline import Pipeline, PipelineContext, PipelineError


def context():
    return PipelineContext(settings={}, factories={})


def test_pipeline_unknown_component_is_named():
    with pytest.raises(PipelineError, match="unknown component 'nonsense'"):
        Pipeline(["sentences", "nonsense"], context())


def test_pipeline_missing_input_is_caught_at_build_time():
    # "reports" needs what the earlier components assign.
    with pytest.raises(PipelineError, match="component 'reports' requires"):
        Pipeline(["sentences", "reports"], context())


def test_pipeline_resource_not_configured():
    with pytest.raises(PipelineError, match="no resource named 'geocoder'"):
        context().resource("geocoder")


def test_pipeline_names_in_order():
    names = ["sentences", "dates", "triggers"]
    assert Pipeline(names, context()).names == names
