from torch import nn


class CisExpressionNet(nn.Module):
    def __init__(self, n_snps, n_genes, hidden=256, dropout=0.3):
        super().__init__()
        self.encoder = nn.Sequential(
            nn.Linear(n_snps, hidden),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, hidden),
            nn.GELU(),
            nn.Dropout(dropout),
        )
        self.head = nn.Linear(hidden, n_genes)

    def forward(self, x):
        return self.head(self.encoder(x))
