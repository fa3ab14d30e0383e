import json
from pathlib import Path

import joblib
import pandas as pd

from credit.metrics import ranking_report
from credit.preprocessing import make_preprocessor
from credit.settings import TARGET, load_settings


def main():
    cfg = load_settings()
    test = pd.read_parquet(Path(cfg["splits_dir"]) / "test.parquet")
    y_test = test[TARGET]

    prep = make_preprocessor(cfg)
    X_test = prep.fit_transform(test)

    art = Path(cfg["artifacts"])
    report = {}
    for name in ("dummy", "gbm"):
        model = joblib.load(art / f"{name}.joblib")
        report[name] = ranking_report(y_test, model.predict_proba(X_test)[:, 1])
        print(name, report[name])
    (art / "test_report.json").write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
