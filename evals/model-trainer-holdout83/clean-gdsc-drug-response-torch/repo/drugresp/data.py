"""GDSC2 cell-line expression x drug fingerprint pairs -> ln(IC50)."""
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import GroupShuffleSplit
from sklearn.preprocessing import StandardScaler
from torch.utils.data import Dataset


def load_pairs(cfg):
    expr = pd.read_parquet(cfg["expression"])          # cell lines x genes, RMA log2
    fps = pd.read_parquet(cfg["fingerprints"])         # drugs x 1024 Morgan bits
    resp = pd.read_csv(cfg["response"])                # COSMIC_ID, DRUG_ID, LN_IC50
    genes = pd.read_csv(cfg["gene_list"], header=None)[0]
    resp = resp[resp["COSMIC_ID"].isin(expr.index) & resp["DRUG_ID"].isin(fps.index)]
    return expr[expr.columns.intersection(genes)], fps, resp.reset_index(drop=True)


def split_by_cell_line(resp, test_size, val_size, seed):
    """Unseen-cell-line evaluation: every pair of a cell line goes to the same split."""
    gss = GroupShuffleSplit(n_splits=1, test_size=test_size, random_state=seed)
    rest, test = next(gss.split(resp, groups=resp["COSMIC_ID"]))
    rest_df = resp.iloc[rest]
    gss_val = GroupShuffleSplit(n_splits=1, test_size=val_size, random_state=seed)
    tr, va = next(gss_val.split(rest_df, groups=rest_df["COSMIC_ID"]))
    return rest_df.iloc[tr], rest_df.iloc[va], resp.iloc[test]


def fit_expression_scaler(expr, train_pairs):
    train_lines = train_pairs["COSMIC_ID"].unique()
    return StandardScaler().fit(expr.loc[train_lines].values)


class PairDataset(Dataset):
    def __init__(self, pairs, expr, fps, scaler):
        lines = pairs["COSMIC_ID"].unique()
        scaled = pd.DataFrame(scaler.transform(expr.loc[lines].values), index=lines)
        self.x_cell = torch.tensor(scaled.loc[pairs["COSMIC_ID"]].values, dtype=torch.float32)
        self.x_drug = torch.tensor(fps.loc[pairs["DRUG_ID"]].values, dtype=torch.float32)
        self.y = torch.tensor(pairs["LN_IC50"].values, dtype=torch.float32)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return self.x_cell[i], self.x_drug[i], self.y[i]

    def numpy(self):
        return np.hstack([self.x_cell.numpy(), self.x_drug.numpy()]), self.y.numpy()
