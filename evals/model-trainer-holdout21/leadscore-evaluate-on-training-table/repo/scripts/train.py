import click
import joblib
import pandas as pd

from leadscore.features import TARGET
from leadscore.model import make_models
from leadscore.paths import FEATURES, MODELS


@click.command()
def main() -> None:
    table = pd.read_parquet(FEATURES)
    X, y = table.drop(columns=[TARGET]), table[TARGET]
    MODELS.mkdir(parents=True, exist_ok=True)
    for name, model in make_models().items():
        model.fit(X, y)
        joblib.dump(model, MODELS / f"{name}.joblib")
        click.echo(f"saved {name}")


if __name__ == "__main__":
    main()
