import torch
import torch.nn as nn
import torch.nn.functional as F


class CharCNN(nn.Module):
    """Multi-width 1D conv over character embeddings of the merchant string."""

    def __init__(self, vocab_size, n_classes, emb_dim=48, n_filters=128,
                 widths=(2, 3, 4, 5), n_numeric=3, dropout=0.4):
        super().__init__()
        self.emb = nn.Embedding(vocab_size, emb_dim, padding_idx=0)
        self.convs = nn.ModuleList(
            [nn.Conv1d(emb_dim, n_filters, kernel_size=w, padding=w // 2) for w in widths]
        )
        self.bn = nn.BatchNorm1d(n_filters * len(widths))
        self.num_proj = nn.Linear(n_numeric, 16)
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(n_filters * len(widths) + 16, n_classes)

    def forward(self, chars, numeric):
        x = self.emb(chars).transpose(1, 2)                     # B x E x L
        pooled = [F.relu(conv(x)).amax(dim=2) for conv in self.convs]
        h = self.bn(torch.cat(pooled, dim=1))
        h = torch.cat([h, F.relu(self.num_proj(numeric))], dim=1)
        return self.head(self.dropout(h))
