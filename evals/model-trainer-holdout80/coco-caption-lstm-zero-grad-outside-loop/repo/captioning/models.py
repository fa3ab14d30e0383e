import torch
import torch.nn as nn
import torchvision
from torch.nn.utils.rnn import pack_padded_sequence


class EncoderCNN(nn.Module):
    def __init__(self, embed_size, fine_tune_last_block=True):
        super().__init__()
        resnet = torchvision.models.resnet101(weights="IMAGENET1K_V2")
        self.backbone = nn.Sequential(*list(resnet.children())[:-1])
        for p in self.backbone.parameters():
            p.requires_grad = False
        if fine_tune_last_block:
            for p in self.backbone[7].parameters():
                p.requires_grad = True
        self.proj = nn.Linear(resnet.fc.in_features, embed_size)
        self.bn = nn.BatchNorm1d(embed_size, momentum=0.01)

    def forward(self, images):
        feats = self.backbone(images).flatten(1)
        return self.bn(self.proj(feats))


class DecoderRNN(nn.Module):
    def __init__(self, embed_size, hidden_size, vocab_size, num_layers=1, dropout=0.3):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_size)
        self.lstm = nn.LSTM(embed_size, hidden_size, num_layers, batch_first=True)
        self.dropout = nn.Dropout(dropout)
        self.linear = nn.Linear(hidden_size, vocab_size)

    def forward(self, features, captions, lengths):
        embeddings = self.dropout(self.embed(captions))
        embeddings = torch.cat((features.unsqueeze(1), embeddings), 1)
        packed = pack_padded_sequence(embeddings, lengths, batch_first=True)
        hiddens, _ = self.lstm(packed)
        return self.linear(self.dropout(hiddens[0]))

    @torch.no_grad()
    def greedy(self, features, end_id, max_len=20):
        ids, states = [], None
        inputs = features.unsqueeze(1)
        for _ in range(max_len):
            hiddens, states = self.lstm(inputs, states)
            predicted = self.linear(hiddens.squeeze(1)).argmax(1)
            ids.append(predicted)
            inputs = self.embed(predicted).unsqueeze(1)
        ids = torch.stack(ids, 1)
        return [row[: (row == end_id).nonzero()[0, 0]] if (row == end_id).any() else row for row in ids]
