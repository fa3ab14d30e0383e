"""Regularised plus-minus via player embeddings (offence + defence), weighted by possessions."""
import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from utils import build_player_index, load_stints, seed_everything

OFF = [f"off_{i}" for i in range(5)]
DEF = [f"def_{i}" for i in range(5)]


class StintModel(nn.Module):
    def __init__(self, n_players):
        super().__init__()
        self.off = nn.Embedding(n_players, 1)
        self.dfn = nn.Embedding(n_players, 1)
        nn.init.normal_(self.off.weight, std=0.01)
        nn.init.normal_(self.dfn.weight, std=0.01)
        self.bias = nn.Parameter(torch.tensor(110.0))
        self.home = nn.Parameter(torch.tensor(0.0))

    def forward(self, off_ids, def_ids, is_home):
        return (self.bias + self.home * is_home
                + self.off(off_ids).sum(dim=(1, 2)) - self.dfn(def_ids).sum(dim=(1, 2)))


def to_tensors(df, idx):
    map_ids = np.vectorize(lambda p: idx.get(p, 0))
    return TensorDataset(
        torch.tensor(map_ids(df[OFF].to_numpy()), dtype=torch.long),
        torch.tensor(map_ids(df[DEF].to_numpy()), dtype=torch.long),
        torch.tensor(df.is_home_offense.to_numpy(), dtype=torch.float32),
        torch.tensor(df.pts_per_100.to_numpy(), dtype=torch.float32),
        torch.tensor(df.possessions.to_numpy(), dtype=torch.float32),
    )


def weighted_mse(pred, y, w):
    return torch.sum(w * (pred - y) ** 2) / torch.sum(w)


def main(l2=0.05, epochs=30):
    seed_everything(2023)
    stints = load_stints("data/stints_2021_2024.parquet")
    train = stints[stints.season.isin(["2021-22", "2022-23"])]
    test = stints[stints.season == "2023-24"]
    idx = build_player_index(train)

    model = StintModel(len(idx) + 1)
    opt = torch.optim.Adam(model.parameters(), lr=0.01)
    train_dl = DataLoader(to_tensors(train, idx), batch_size=4096, shuffle=True)

    for epoch in range(epochs):
        model.train()
        total = 0.0
        for off_ids, def_ids, home, y, w in train_dl:
            opt.zero_grad()
            pred = model(off_ids, def_ids, home)
            reg = l2 * (model.off.weight.pow(2).sum() + model.dfn.weight.pow(2).sum())
            loss = weighted_mse(pred, y, w) + reg / len(train_dl.dataset)
            loss.backward()
            opt.step()
            total += loss.item()
        print(f"epoch {epoch:02d} loss {total / len(train_dl):.3f}")

    model.eval()
    test_ds = to_tensors(test, idx)
    with torch.no_grad():
        pred = model(*test_ds.tensors[:3])
        y, w = test_ds.tensors[3], test_ds.tensors[4]
        rmse = weighted_mse(pred, y, w).sqrt().item()
        base = weighted_mse(torch.full_like(y, float(train.points.sum() / train.possessions.sum() * 100)), y, w)
    print(f"2023-24 possession-weighted RMSE: {rmse:.2f} (league-average baseline {base.sqrt().item():.2f})")

    inv = {v: k for k, v in idx.items()}
    ratings = sorted(((inv[i], model.off.weight[i].item(), model.dfn.weight[i].item())
                      for i in range(1, len(idx) + 1)), key=lambda r: -(r[1] + r[2]))
    for pid, o, d in ratings[:15]:
        print(f"{pid:>10}  O {o:+.2f}  D {d:+.2f}  net {o + d:+.2f}")


if __name__ == "__main__":
    main()
