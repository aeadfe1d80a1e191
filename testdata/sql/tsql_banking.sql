-- SQL Server banking: bracketed names, GO batches, procedures that call
-- each other, table variables, temporary tables, MERGE with OUTPUT,
-- triggers, dynamic SQL.
SET ANSI_NULLS ON
GO
SET QUOTED_IDENTIFIER ON
GO

CREATE TABLE [dbo].[Customer] (
    [Id]        UNIQUEIDENTIFIER NOT NULL,
    [Name]      NVARCHAR (100)   NOT NULL,
    [Segment]   TINYINT          NOT NULL CONSTRAINT [DF_Customer_Segment] DEFAULT (0),
    CONSTRAINT [PK_Customer] PRIMARY KEY CLUSTERED ([Id] ASC)
);
GO

CREATE TABLE [dbo].[Account] (
    [Id]          UNIQUEIDENTIFIER NOT NULL,
    [CustomerId]  UNIQUEIDENTIFIER NOT NULL,
    [Balance]     DECIMAL (18, 2)  NOT NULL,
    [Status]      TINYINT          NOT NULL,
    [RevisionDate] DATETIME2 (7)   NOT NULL,
    CONSTRAINT [PK_Account] PRIMARY KEY CLUSTERED ([Id] ASC),
    CONSTRAINT [FK_Account_Customer] FOREIGN KEY ([CustomerId]) REFERENCES [dbo].[Customer] ([Id])
);
GO

CREATE NONCLUSTERED INDEX [IX_Account_CustomerId] ON [dbo].[Account]([CustomerId] ASC);
GO

CREATE TABLE [dbo].[Transfer] (
    [Id]          BIGINT IDENTITY (1, 1) NOT NULL,
    [FromAccount] UNIQUEIDENTIFIER NOT NULL,
    [ToAccount]   UNIQUEIDENTIFIER NOT NULL,
    [Amount]      DECIMAL (18, 2)  NOT NULL,
    [CreatedAt]   DATETIME2 (7)    NOT NULL,
    CONSTRAINT [PK_Transfer] PRIMARY KEY CLUSTERED ([Id] ASC)
);
GO

ALTER TABLE [dbo].[Transfer] WITH CHECK ADD CONSTRAINT [FK_Transfer_From] FOREIGN KEY([FromAccount])
REFERENCES [dbo].[Account] ([Id])
GO
ALTER TABLE [dbo].[Transfer] CHECK CONSTRAINT [FK_Transfer_From]
GO

CREATE TABLE dbo.AccountHistory (
    AccountId   UNIQUEIDENTIFIER NOT NULL REFERENCES dbo.Account (Id),
    Balance     DECIMAL (18, 2)  NOT NULL,
    ChangedAt   DATETIME2 (7)    NOT NULL
);
GO

CREATE TABLE [dbo].[AuditEvent] (
    [Id]        BIGINT IDENTITY (1, 1) NOT NULL PRIMARY KEY,
    [Kind]      NVARCHAR (50)  NOT NULL,
    [Payload]   NVARCHAR (MAX) NULL
);
GO

CREATE TABLE [dbo].[RateImport] (
    [AccountId] UNIQUEIDENTIFIER NOT NULL,
    [Rate]      DECIMAL (9, 6)   NOT NULL
);
GO

CREATE TABLE [dbo].[AccountRate] (
    [AccountId] UNIQUEIDENTIFIER NOT NULL PRIMARY KEY,
    [Rate]      DECIMAL (9, 6)   NOT NULL
);
GO

CREATE VIEW [dbo].[AccountView]
AS
SELECT
    A.[Id], A.[Balance], C.[Name] AS [CustomerName]
FROM
    [dbo].[Account] A WITH (NOLOCK)
INNER JOIN
    [dbo].[Customer] C ON C.[Id] = A.[CustomerId]
GO

CREATE FUNCTION [dbo].[AccountBalance] (@AccountId UNIQUEIDENTIFIER)
RETURNS DECIMAL (18, 2)
AS
BEGIN
    DECLARE @Balance DECIMAL (18, 2)
    SELECT @Balance = [Balance] FROM [dbo].[Account] WHERE [Id] = @AccountId
    RETURN @Balance
END
GO

CREATE FUNCTION [dbo].[CustomerAccounts] (@CustomerId UNIQUEIDENTIFIER)
RETURNS TABLE
AS
RETURN
SELECT [Id], [Balance] FROM [dbo].[Account] WHERE [CustomerId] = @CustomerId
GO

CREATE OR ALTER PROCEDURE [dbo].[Account_BumpRevision]
    @AccountId UNIQUEIDENTIFIER
AS
BEGIN
    SET NOCOUNT ON

    UPDATE
        [dbo].[Account]
    SET
        [RevisionDate] = SYSUTCDATETIME()
    WHERE
        [Id] = @AccountId
END
GO

CREATE OR ALTER PROCEDURE [dbo].[Transfer_Create]
    @From UNIQUEIDENTIFIER,
    @To UNIQUEIDENTIFIER,
    @Amount DECIMAL(18, 2)
AS
BEGIN
    SET NOCOUNT ON
    SET XACT_ABORT ON

    BEGIN TRY
        BEGIN TRANSACTION

        IF [dbo].[AccountBalance](@From) < @Amount
        BEGIN
            RAISERROR('insufficient funds', 16, 1)
        END

        UPDATE A
        SET A.[Balance] = A.[Balance] - @Amount
        FROM [dbo].[Account] A WITH (UPDLOCK, ROWLOCK)
        WHERE A.[Id] = @From

        UPDATE [dbo].[Account] SET [Balance] = [Balance] + @Amount WHERE [Id] = @To

        INSERT INTO [dbo].[Transfer] ([FromAccount], [ToAccount], [Amount], [CreatedAt])
        VALUES (@From, @To, @Amount, SYSUTCDATETIME())

        EXEC [dbo].[Account_BumpRevision] @From
        EXEC [dbo].[Account_BumpRevision] @AccountId = @To

        COMMIT TRANSACTION
    END TRY
    BEGIN CATCH
        IF @@TRANCOUNT > 0 ROLLBACK TRANSACTION
        INSERT INTO [dbo].[AuditEvent] ([Kind], [Payload]) VALUES (N'transfer-failed', ERROR_MESSAGE())
        ;THROW
    END CATCH
END
GO

CREATE OR ALTER PROCEDURE [dbo].[Customer_ReadWithAccounts]
    @CustomerId UNIQUEIDENTIFIER
AS
BEGIN
    SET NOCOUNT ON

    DECLARE @Ids TABLE ([Id] UNIQUEIDENTIFIER)

    INSERT INTO @Ids
    SELECT [Id] FROM [dbo].[CustomerAccounts](@CustomerId)

    SELECT C.*, X.[Balance]
    FROM [dbo].[Customer] C
    CROSS APPLY (
        SELECT SUM(A.[Balance]) AS [Balance]
        FROM [dbo].[Account] A
        WHERE A.[Id] IN (SELECT [Id] FROM @Ids)
    ) X
    WHERE C.[Id] = @CustomerId
END
GO

CREATE OR ALTER PROCEDURE [dbo].[AccountRate_Import]
AS
BEGIN
    SET NOCOUNT ON

    CREATE TABLE #Changes ([Action] NVARCHAR(10), [AccountId] UNIQUEIDENTIFIER)

    ;WITH [Latest] AS (
        SELECT [AccountId], [Rate],
               ROW_NUMBER() OVER (PARTITION BY [AccountId] ORDER BY [Rate] DESC) AS [Rn]
        FROM [dbo].[RateImport]
    )
    MERGE [dbo].[AccountRate] WITH (HOLDLOCK) AS [Target]
    USING (SELECT [AccountId], [Rate] FROM [Latest] WHERE [Rn] = 1) AS [Source]
        ON [Target].[AccountId] = [Source].[AccountId]
    WHEN MATCHED THEN
        UPDATE SET [Target].[Rate] = [Source].[Rate]
    WHEN NOT MATCHED BY TARGET THEN
        INSERT ([AccountId], [Rate]) VALUES ([Source].[AccountId], [Source].[Rate])
    WHEN NOT MATCHED BY SOURCE THEN
        DELETE
    OUTPUT $action, inserted.[AccountId] INTO #Changes;

    INSERT INTO [dbo].[AuditEvent] ([Kind], [Payload])
    SELECT N'rate-' + [Action], CONVERT(NVARCHAR(36), [AccountId]) FROM #Changes

    SELECT * INTO [dbo].[RateImportArchive] FROM [dbo].[RateImport]
    TRUNCATE TABLE [dbo].[RateImport]

    DROP TABLE #Changes
END
GO

CREATE OR ALTER PROCEDURE [dbo].[Account_Close]
    @AccountId UNIQUEIDENTIFIER
AS
BEGIN
    SET NOCOUNT ON

    DELETE H
    FROM [dbo].[AccountHistory] H
    INNER JOIN [dbo].[Account] A ON A.[Id] = H.[AccountId]
    WHERE A.[Id] = @AccountId AND A.[Status] = 2

    UPDATE [dbo].[Account]
    SET [Status] = 3
    OUTPUT deleted.[Id], deleted.[Balance], SYSUTCDATETIME() INTO [dbo].[AccountHistory] ([AccountId], [Balance], [ChangedAt])
    WHERE [Id] = @AccountId
END
GO

CREATE OR ALTER PROCEDURE [dbo].[Report_Run]
    @Table SYSNAME,
    @Since DATETIME2(7)
AS
BEGIN
    SET NOCOUNT ON

    DECLARE @Sql NVARCHAR(MAX) = N'SELECT COUNT(*) FROM [dbo].' + QUOTENAME(@Table)
    EXEC sp_executesql @Sql

    EXEC sp_executesql N'SELECT [Id] FROM [dbo].[Transfer] WHERE [CreatedAt] >= @S', N'@S DATETIME2(7)', @S = @Since

    DECLARE @Where NVARCHAR(200) = N' WHERE [Kind] = N''transfer-failed'''
    EXEC (N'DELETE FROM [dbo].[AuditEvent]' + @Where)
END
GO

CREATE TRIGGER [dbo].[Account_AfterWrite]
ON [dbo].[Account]
AFTER INSERT, UPDATE
AS
BEGIN
    SET NOCOUNT ON

    INSERT INTO [dbo].[AccountHistory] ([AccountId], [Balance], [ChangedAt])
    SELECT I.[Id], I.[Balance], SYSUTCDATETIME()
    FROM inserted I
    LEFT JOIN deleted D ON D.[Id] = I.[Id]
    WHERE D.[Id] IS NULL OR D.[Balance] <> I.[Balance]
END
GO

CREATE TRIGGER [dbo].[Transfer_Audit] ON [dbo].[Transfer] FOR INSERT
AS
    INSERT INTO [dbo].[AuditEvent] ([Kind], [Payload])
    SELECT N'transfer', CAST([Id] AS NVARCHAR(20)) FROM inserted
GO

IF NOT EXISTS (SELECT * FROM [sys].[indexes] WHERE [name] = 'IX_Transfer_CreatedAt')
BEGIN
    CREATE NONCLUSTERED INDEX [IX_Transfer_CreatedAt] ON [dbo].[Transfer] ([CreatedAt])
END
GO

EXEC [dbo].[Transfer_Create] @From = '00000000-0000-0000-0000-000000000001', @To = '00000000-0000-0000-0000-000000000002', @Amount = 10
GO
