import ArgumentParser

/// The root command: lists the subcommands.
struct ClipKit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clipkit",
        abstract: "Highlight clips from live-stream recordings, three-second hook checks, and creative rotation.",
        discussion: """
        Exit codes: 0 success, 1 error (bad input, I/O), 2 usage, 3 done but needs attention.
        Human tables on a terminal; add --json for scripts. NO_COLOR is honoured.
        """,
        version: "0.1.0",
        subcommands: [
            ProbeCommand.self,
            AnalyzeCommand.self,
            ExtractCommand.self,
            QueueCommand.self,
            WorkerCommand.self,
            HookCommand.self,
            PlanCommand.self,
            CreativeCommand.self,
            StatsCommand.self,
            RotateCommand.self,
            ReportCommand.self,
        ]
    )
}
