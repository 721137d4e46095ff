"""Where the classifier lives: a database row, with an in-process copy for fast verdicts.

Every verdict reads only the row's version number; the weights are deserialised again only
after another process (a moderator's click, `spam_train`) has changed them.
"""

import threading

from django.db import IntegrityError, transaction

from . import conf
from .classifier import LogisticModel, extract_features, load_base_model
from .models import ClassifierState

_lock = threading.Lock()
_cached: dict[str, tuple[int, LogisticModel]] = {}


def _state(name: str, *, for_update: bool = False) -> ClassifierState:
    """Return the stored state, creating it from the shipped model on first use."""
    queryset = ClassifierState.objects.all()
    if for_update:
        queryset = queryset.select_for_update()
    state = queryset.filter(name=name).first()
    if state is not None:
        return state
    base = load_base_model()
    try:
        with transaction.atomic():
            ClassifierState.objects.create(name=name, weights=base.dumps(), examples=base.examples)
    except IntegrityError:
        pass  # another process created it first
    return queryset.get(name=name)


def get_model(name: str = "default") -> LogisticModel:
    """Return the current model (shared, treat as read-only)."""
    version = ClassifierState.objects.filter(name=name).values_list("version", flat=True).first()
    cached = _cached.get(name)
    if version is not None and cached and cached[0] == version:
        return cached[1]
    state = _state(name)
    model = LogisticModel.loads(state.weights)
    with _lock:
        _cached[name] = (state.version, model)
    return model


def _save(state: ClassifierState, model: LogisticModel, **counters) -> None:
    state.weights = model.dumps()
    state.examples = model.examples
    state.version += 1
    for field, increment in counters.items():
        setattr(state, field, getattr(state, field) + increment)
    state.save()
    with _lock:
        _cached[state.name] = (state.version, model)


@transaction.atomic
def learn_examples(examples, *, name: str = "default") -> None:
    """Teach the stored model moderator decisions, (content, url, is_spam) triples, in one
    update: the row is locked, read, changed and written once however many there are."""
    examples = list(examples)
    if not examples:
        return
    state = _state(name, for_update=True)
    cached = _cached.get(name)
    if cached and cached[0] == state.version:
        # A private copy: readers in other threads keep the old model until the swap.
        model = cached[1].for_learning()
    else:
        model = LogisticModel.loads(state.weights)
    for content, url, is_spam in examples:
        model.learn(
            extract_features(content, url=url),
            is_spam,
            rate=conf.spam_settings.LEARN_RATE,
            margin=conf.spam_settings.LEARN_MARGIN,
        )
    spam = sum(1 for _content, _url, is_spam in examples if is_spam)
    _save(state, model, spam_learned=spam, ham_learned=len(examples) - spam)


@transaction.atomic
def train(
    examples,
    *,
    reset: bool = False,
    as_site: bool | None = None,
    name: str = "default",
    epochs: int = 15,
):
    """Train the stored model on (content, is_spam) pairs.

    reset starts from an empty model (no starting weights, nothing taught). as_site says
    where the examples go: True, to what the site taught the model (as if its moderators had
    decided them); False, to the starting weights. By default, a reset trains a new starting
    model and otherwise the examples are the site's own.
    """
    if as_site is None:
        as_site = not reset
    state = _state(name, for_update=True)
    model = LogisticModel() if reset else LogisticModel.loads(state.weights)
    features = [(extract_features(content), is_spam) for content, is_spam in examples]
    model.fit(features, epochs=epochs, taught=as_site)
    _save(state, model)
    return model


def forget_cache() -> None:
    with _lock:
        _cached.clear()
