from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split

from credit.params import load_params


def main() -> None:
    p = load_params()
    df = pd.read_csv(p["raw_path"])
    df = df.drop_duplicates(subset="application_id").drop(columns=["application_id"])
    train, test = train_test_split(
        df, test_size=p["test_size"], stratify=df[p["target"]], random_state=p["seed"]
    )
    out = Path(p["prepared_dir"])
    out.mkdir(parents=True, exist_ok=True)
    train.to_csv(out / "train.csv", index=False)
    test.to_csv(out / "test.csv", index=False)
    print(f"train={len(train)} test={len(test)} default_rate={df[p['target']].mean():.3f}")


if __name__ == "__main__":
    main()
