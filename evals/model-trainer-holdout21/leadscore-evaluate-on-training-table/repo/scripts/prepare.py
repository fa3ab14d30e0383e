import click
import pandas as pd

from leadscore.features import build_feature_table
from leadscore.paths import FEATURES, RAW


@click.command()
@click.option("--leads", default=str(RAW / "leads.csv"))
@click.option("--events", default=str(RAW / "web_events.csv"))
def main(leads: str, events: str) -> None:
    table = build_feature_table(pd.read_csv(leads), pd.read_csv(events))
    FEATURES.parent.mkdir(parents=True, exist_ok=True)
    table.to_parquet(FEATURES)
    click.echo(f"wrote {len(table)} leads, conversion rate {table['converted'].mean():.3f}")


if __name__ == "__main__":
    main()
