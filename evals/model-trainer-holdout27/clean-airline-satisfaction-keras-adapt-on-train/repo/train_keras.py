import json
import tomllib

import tensorflow as tf
from sklearn.dummy import DummyClassifier
from sklearn.metrics import average_precision_score, roc_auc_score

from satisfaction.callbacks import training_callbacks
from satisfaction.data import as_dataset, load_survey, split, to_inputs
from satisfaction.evaluation import summary, youden_threshold
from satisfaction.model import build_model


def main(path="config/keras_mlp.toml"):
    with open(path, "rb") as fh:
        cfg = tomllib.load(fh)
    tf.keras.utils.set_random_seed(cfg["seed"])

    df = load_survey(cfg)
    train, val, test = split(df, cfg)
    model = build_model(to_inputs(train, cfg), cfg)
    model.fit(
        as_dataset(train, cfg, shuffle=True),
        validation_data=as_dataset(val, cfg, shuffle=False),
        epochs=cfg["train"]["epochs"],
        callbacks=training_callbacks(cfg["train"]),
        verbose=2,
    )

    p_val = model.predict(as_dataset(val, cfg, shuffle=False)).ravel()
    thr = youden_threshold(val[cfg["label"]], p_val)
    p_test = model.predict(as_dataset(test, cfg, shuffle=False)).ravel()

    dummy = DummyClassifier(strategy="prior").fit(train[cfg["numeric"]], train[cfg["label"]])
    p_dummy = dummy.predict_proba(test[cfg["numeric"]])[:, 1]
    report = {
        "mlp": summary(test[cfg["label"]], p_test, thr),
        "prior_baseline": {
            "roc_auc": roc_auc_score(test[cfg["label"]], p_dummy),
            "pr_auc": average_precision_score(test[cfg["label"]], p_dummy),
        },
        "threshold_from_val": thr,
    }
    print(json.dumps(report, indent=2, default=float))


if __name__ == "__main__":
    main()
