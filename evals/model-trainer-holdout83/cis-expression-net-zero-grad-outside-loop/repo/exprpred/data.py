import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset


class CisGenotypeDataset(Dataset):
    """Dosages of cis-window SNPs (+/-1 Mb) for a panel of genes, target = normalised expression."""

    def __init__(self, dosages: np.ndarray, expression: np.ndarray):
        self.x = torch.as_tensor(dosages, dtype=torch.float32)
        self.y = torch.as_tensor(expression, dtype=torch.float32)

    def __len__(self):
        return len(self.x)

    def __getitem__(self, i):
        return self.x[i], self.y[i]


def load_tables(genotype_path, expression_path, covariate_path):
    geno = pd.read_parquet(genotype_path)
    expr = pd.read_parquet(expression_path)
    covs = pd.read_csv(covariate_path, sep="\t", index_col=0)
    donors = geno.index.intersection(expr.index).intersection(covs.index)
    return geno.loc[donors], expr.loc[donors], covs.loc[donors]


def residualise(expr_train, expr_other, covs_train, covs_other):
    """Regress PEER factors / sex / PCs out of expression using training donors only."""
    C_train = np.column_stack([np.ones(len(covs_train)), covs_train.values])
    beta, *_ = np.linalg.lstsq(C_train, expr_train.values, rcond=None)
    C_other = np.column_stack([np.ones(len(covs_other)), covs_other.values])
    return expr_train.values - C_train @ beta, expr_other.values - C_other @ beta
