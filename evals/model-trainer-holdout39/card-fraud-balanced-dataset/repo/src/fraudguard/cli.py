import argparse
import json
import logging
from pathlib import Path

import joblib
from sklearn.model_selection import train_test_split

from .dataset import load_training_data
from .modeling import make_models, pick_threshold, summarize
from .settings import load_settings

log = logging.getLogger("fraudguard")


def run(config_path: str) -> None:
    settings = load_settings(config_path)
    out_dir = Path(settings.output["dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    X, y = load_training_data(settings)
    X_dev, X_test, y_dev, y_test = train_test_split(
        X, y, test_size=settings.split["test_size"], stratify=y, random_state=settings.seed
    )
    X_fit, X_val, y_fit, y_val = train_test_split(
        X_dev, y_dev, test_size=settings.split["valid_size"], stratify=y_dev, random_state=settings.seed
    )

    report = {}
    for name, model in make_models(settings.model, settings.seed).items():
        model.fit(X_fit, y_fit)
        val_scores = model.predict_proba(X_val)[:, 1]
        threshold = pick_threshold(y_val.to_numpy(), val_scores, settings.output["min_precision"])
        test_scores = model.predict_proba(X_test)[:, 1]
        report[name] = summarize(y_test.to_numpy(), test_scores, threshold)
        joblib.dump(model, out_dir / f"{name}.joblib")
        log.info("%s: %s", name, report[name])

    (out_dir / "report.json").write_text(json.dumps(report, indent=2))


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="fraudguard")
    parser.add_argument("--config", default="config/train.toml")
    run(parser.parse_args().config)


if __name__ == "__main__":
    main()
