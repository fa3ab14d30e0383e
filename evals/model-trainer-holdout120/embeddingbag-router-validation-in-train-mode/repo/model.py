import torch
import torch.nn as nn


class BagOfNgramsClassifier(nn.Module):
    """fastText-style classifier: mean of word + hashed bigram embeddings -> linear."""

    def __init__(self, vocab_size, n_buckets, embed_dim, n_classes, dropout=0.3):
        super().__init__()
        self.embedding = nn.EmbeddingBag(vocab_size + n_buckets, embed_dim, mode="mean")
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(embed_dim, n_classes)
        self.init_weights()

    def init_weights(self):
        r = 0.5
        self.embedding.weight.data.uniform_(-r, r)
        self.fc.weight.data.uniform_(-r, r)
        self.fc.bias.data.zero_()

    def forward(self, token_ids, offsets):
        pooled = self.embedding(token_ids, offsets)
        return self.fc(self.dropout(pooled))
