/// Series colours that stay apart for colour-blind readers and in greyscale print (Tableau 10), reused in order.
public enum Palette {
    public static let colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1", "#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#bab0ac"]

    public static func color(_ index: Int) -> String { colors[index % colors.count] }
}
