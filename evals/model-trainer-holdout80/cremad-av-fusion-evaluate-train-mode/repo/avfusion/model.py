import torch
import torch.nn as nn


def conv_block(cin, cout):
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, padding=1),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
        nn.MaxPool2d(2),
    )


class AudioBranch(nn.Module):
    def __init__(self, hidden):
        super().__init__()
        self.convs = nn.Sequential(conv_block(1, 32), conv_block(32, 64), conv_block(64, 128), conv_block(128, 128))
        self.proj = nn.Linear(128, hidden)

    def forward(self, mel):
        x = self.convs(mel)
        x = x.mean(dim=(2, 3))
        return self.proj(x)


class VisualBranch(nn.Module):
    def __init__(self, face_dim, hidden, dropout):
        super().__init__()
        self.gru = nn.GRU(face_dim, hidden, batch_first=True, bidirectional=True)
        self.drop = nn.Dropout(dropout)
        self.proj = nn.Linear(2 * hidden, hidden)

    def forward(self, faces):
        out, _ = self.gru(self.drop(faces))
        return self.proj(out.mean(dim=1))


class AVFusionNet(nn.Module):
    def __init__(self, n_classes, face_dim=512, hidden=256, dropout=0.4):
        super().__init__()
        self.audio = AudioBranch(hidden)
        self.visual = VisualBranch(face_dim, hidden, dropout)
        self.head = nn.Sequential(
            nn.Linear(2 * hidden, hidden),
            nn.BatchNorm1d(hidden),
            nn.ReLU(inplace=True),
            nn.Dropout(dropout),
            nn.Linear(hidden, n_classes),
        )

    def forward(self, mel, faces):
        fused = torch.cat([self.audio(mel), self.visual(faces)], dim=-1)
        return self.head(fused)
