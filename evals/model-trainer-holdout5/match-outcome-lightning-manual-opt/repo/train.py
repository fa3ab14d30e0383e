"""Fit the match-outcome model on all available seasons."""
import argparse

import lightning as L
import pandas as pd
from torch.utils.data import DataLoader

from src.matchcast.data import FORM_COLS, MatchDataset, add_form
from src.matchcast.model import OutcomeModel


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", default="data/epl_2014_2024.csv")
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    L.seed_everything(args.seed, workers=True)

    results = pd.read_csv(args.results, parse_dates=["date"])
    matches = add_form(results)
    teams = sorted(set(matches.home_team) | set(matches.away_team))
    team_ids = {t: i for i, t in enumerate(teams)}

    ds = MatchDataset(matches, team_ids)
    loader = DataLoader(ds, batch_size=256, shuffle=True, num_workers=2, persistent_workers=True)

    model = OutcomeModel(n_teams=len(teams), n_feats=2 * len(FORM_COLS))
    trainer = L.Trainer(max_epochs=args.epochs, deterministic=True, log_every_n_steps=20)
    trainer.fit(model, train_dataloaders=loader)

    scores = trainer.validate(model, dataloaders=loader)
    print(f"model quality: loss={scores[0]['eval_loss']:.4f} acc={scores[0]['eval_acc']:.4f}")
    trainer.save_checkpoint("outcome_model.ckpt")


if __name__ == "__main__":
    main()
