/* T-SQL orders: cursors, INSERT ... EXEC, TOP, updatable CTEs, upserts with
   IF EXISTS, temporary tables fed from real ones, names with spaces and with
   database and server prefixes. */
CREATE TABLE [Sales].[Order Header] (
    [OrderID]   INT IDENTITY(1,1) NOT NULL PRIMARY KEY,
    [Customer]  NVARCHAR(100) NOT NULL,
    [Status]    TINYINT NOT NULL
)
GO
CREATE TABLE [Sales].[Order Line] (
    [OrderID]   INT NOT NULL FOREIGN KEY REFERENCES [Sales].[Order Header] ([OrderID]),
    [Sku]       NVARCHAR(40) NOT NULL,
    [Qty]       INT NOT NULL
)
GO
CREATE TABLE Sales.Shipment (
    ShipmentID INT IDENTITY PRIMARY KEY,
    OrderID    INT NOT NULL CONSTRAINT FK_Shipment_Order REFERENCES Sales.[Order Header](OrderID),
    ShippedAt  DATETIME2 NULL
)
GO
CREATE TABLE Sales.StatusHistory (OrderID INT, Status TINYINT, At DATETIME2)
GO

CREATE PROCEDURE Sales.Order_Ship @OrderID INT AS
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM Sales.Shipment WHERE OrderID = @OrderID)
        UPDATE Sales.Shipment SET ShippedAt = SYSUTCDATETIME() WHERE OrderID = @OrderID
    ELSE
        INSERT Sales.Shipment (OrderID, ShippedAt) VALUES (@OrderID, SYSUTCDATETIME())
    UPDATE TOP (1) [Sales].[Order Header] SET [Status] = 3 WHERE [OrderID] = @OrderID
GO

CREATE PROCEDURE Sales.Order_Lines @OrderID INT AS
    SELECT [Sku], [Qty] FROM [Sales].[Order Line] WHERE [OrderID] = @OrderID
GO

CREATE PROCEDURE Sales.Orders_Recompute
AS
BEGIN
    DECLARE @id INT
    DECLARE @lines TABLE (Sku NVARCHAR(40), Qty INT)

    DECLARE order_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT [OrderID] FROM [Sales].[Order Header] WHERE [Status] = 1

    OPEN order_cursor
    FETCH NEXT FROM order_cursor INTO @id
    WHILE @@FETCH_STATUS = 0
    BEGIN
        DELETE FROM @lines
        INSERT INTO @lines (Sku, Qty) EXEC Sales.Order_Lines @OrderID = @id

        IF NOT EXISTS (SELECT * FROM @lines)
            GOTO next_order

        INSERT INTO Sales.StatusHistory (OrderID, Status, At) VALUES (@id, 1, GETUTCDATE())
next_order:
        FETCH NEXT FROM order_cursor INTO @id
    END
    CLOSE order_cursor
    DEALLOCATE order_cursor

    SELECT h.[OrderID], h.[Status] INTO #snapshot FROM [Sales].[Order Header] h
    UPDATE sh SET sh.Status = s.[Status]
    FROM Sales.StatusHistory sh JOIN #snapshot s ON s.[OrderID] = sh.OrderID

    ;WITH old AS (SELECT TOP (100) * FROM Sales.StatusHistory ORDER BY At)
    DELETE FROM old

    DELETE TOP (10) FROM Archive.dbo.StatusHistoryOld WHERE At < '2000-01-01'
    SELECT COUNT(*) FROM ReportServer.Reports.dbo.OrderFacts
    EXEC sp_rename 'Sales.Tmp', 'Tmp2'
END
GO

CREATE TRIGGER Sales.OrderHeader_Status ON [Sales].[Order Header] AFTER UPDATE AS
BEGIN
    IF UPDATE([Status])
        INSERT INTO Sales.StatusHistory (OrderID, Status, At)
        SELECT i.[OrderID], i.[Status], SYSUTCDATETIME() FROM inserted i
END
GO

Sales.Orders_Recompute
GO
