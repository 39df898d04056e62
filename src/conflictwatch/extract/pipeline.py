"""A pipeline of small named components over one shared `ArticleDoc`.

Each component is a callable `(doc, context) -> doc` registered by name with the
annotations it `requires` and `assigns`, like spaCy's `Language.component`. The
pipeline is a list of names from the settings, checked when it is built: a
component whose inputs no earlier component provides is an error at build time,
not a silent empty result at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from conflictwatch.model import Article, ArticleDoc

ComponentFn = Callable[[ArticleDoc, "PipelineContext"], ArticleDoc]


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    func: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, ComponentInfo] = {}


def component(
    name: str, *, requires: Iterable[str] = (), assigns: Iterable[str] = ()
) -> Callable[[ComponentFn], ComponentFn]:
    """Register an extraction component under `name`."""

    def register(func: ComponentFn) -> ComponentFn:
        REGISTRY[name] = ComponentInfo(name, func, tuple(requires), tuple(assigns))
        return func

    return register


class PipelineError(ValueError):
    """The configured pipeline names an unknown component or misses an input."""


@dataclass
class PipelineContext:
    """What components share besides the document: settings and loaded resources.

    Heavy resources (gazetteer, actor registry) are built once per pipeline and
    reached through `resource()`, never rebuilt per article.
    """

    settings: dict[str, Any]
    factories: dict[str, Callable[[], Any]] = field(default_factory=dict)
    _loaded: dict[str, Any] = field(default_factory=dict)

    def resource(self, name: str) -> Any:
        if name not in self._loaded:
            if name not in self.factories:
                raise PipelineError(f"no resource named {name!r} is configured")
            self._loaded[name] = self.factories[name]()
        return self._loaded[name]


class Pipeline:
    """The ordered components; call it on an article to get its annotated doc."""

    def __init__(self, names: Iterable[str], context: PipelineContext) -> None:
        self.components = [self._lookup(name) for name in names]
        self.context = context
        self._check_inputs()

    @staticmethod
    def _lookup(name: str) -> ComponentInfo:
        _import_components()
        try:
            return REGISTRY[name]
        except KeyError:
            known = ", ".join(sorted(REGISTRY))
            raise PipelineError(f"unknown component {name!r} (known: {known})") from None

    def _check_inputs(self) -> None:
        provided: set[str] = set()
        for info in self.components:
            missing = [item for item in info.requires if item not in provided]
            if missing:
                raise PipelineError(
                    f"component {info.name!r} requires {', '.join(missing)}, "
                    "which no earlier component assigns"
                )
            provided.update(info.assigns)

    @property
    def names(self) -> list[str]:
        return [info.name for info in self.components]

    def __call__(self, article: Article) -> ArticleDoc:
        doc = ArticleDoc(article=article)
        for info in self.components:
            doc = info.func(doc, self.context)
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[ArticleDoc]:
        for article in articles:
            yield self(article)


def _import_components() -> None:
    """Importing the component modules registers them."""
    from conflictwatch.extract import components  # noqa: F401
