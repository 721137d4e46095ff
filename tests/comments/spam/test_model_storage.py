"""The stored model round-trips, however its starting weights are cached for writing."""

from comments.spam.classifier import LogisticModel, extract_features


def test_a_model_written_after_training_again_stores_its_new_weights():
    model = LogisticModel()
    model.fit([(extract_features("subscribe to my channel"), True)], epochs=2)
    first = LogisticModel.loads(model.dumps())
    model.fit([(extract_features("grazie per l'articolo"), False)], epochs=2)
    second = LogisticModel.loads(model.dumps())
    assert first.weights != second.weights
    assert second.weights == {k: round(w, 5) for k, w in model.weights.items()}


def test_a_copy_for_learning_leaves_the_original_as_it_was():
    model = LogisticModel(weights={"w:promo": 2.0}, taught={"w:ciao": -1.0})
    model.dumps()
    copy = model.for_learning()
    copy.learn(extract_features("promo promo promo"), True)
    assert model.taught == {"w:ciao": -1.0}
    restored = LogisticModel.loads(copy.dumps())
    assert restored.weights == {"w:promo": 2.0}
    assert restored.taught == {k: round(w, 5) for k, w in copy.taught.items()}
